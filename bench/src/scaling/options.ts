import { parseArgs } from 'node:util';
import * as E from 'fp-ts/Either';
import { storeKinds, type StoreKind } from './targets';
import { fullScalingSizes, maxEnrollmentsPerUser, quickScalingSizes, type ScalingSizes } from './workload';

export type ScalingOptions = Readonly<{
  runs: number;
  quick: boolean;
  sizes: ScalingSizes;
  processes: readonly number[];
  stores: readonly StoreKind[];
  out: string;
}>;

export const scalingUsage = `pnpm bench:scaling [--quick] [--runs N] [--processes 1,2,4] [--stores sqlite,esdb] [--out path.json]

  --quick       small sizes for a smoke run: ${quickScalingSizes.users} users x ${quickScalingSizes.commandsPerUser} commands
  --runs N      fresh stores and processes per measurement; medians are taken over them (default 3)
  --processes   how many command-handler processes share the store, one measurement each (default 1,2,4)
  --stores      sqlite (one file) and/or esdb (the EventStoreDB test server) (default both)
  --out         where the JSON goes (default bench/results/scaling.json)`;

const positiveIntegers = (value: string): E.Either<string, readonly number[]> => {
  const items = value.split(',').map((item) => Number(item.trim()));
  return items.length > 0 && items.every((item) => Number.isInteger(item) && item >= 1 && item <= 16)
    ? E.right([...new Set(items)].sort((a, b) => a - b))
    : E.left(`--processes takes a comma-separated list of whole numbers from 1 to 16; got ${value}`);
};

const storeList = (value: string): E.Either<string, readonly StoreKind[]> => {
  const items = value.split(',').map((item) => item.trim());
  const chosen = storeKinds.filter((kind) => items.includes(kind));
  return chosen.length === items.length && chosen.length > 0 ? E.right(chosen) : E.left(`--stores takes a comma-separated list of ${storeKinds.join(', ')}; got ${value}`);
};

/** The command line, or a message naming what is wrong with it. */
export const parseScalingOptions = (argv: readonly string[], defaultOut: string): E.Either<string, ScalingOptions> => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        processes: { type: 'string' },
        stores: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    return E.left(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) return E.left(`--runs takes a positive integer; got ${String(values.runs)}`);
  const processes = positiveIntegers(values.processes ?? '1,2,4');
  if (E.isLeft(processes)) return processes;
  const stores = storeList(values.stores ?? storeKinds.join(','));
  if (E.isLeft(stores)) return stores;
  const quick = values.quick === true;
  const sizes = quick ? quickScalingSizes : fullScalingSizes;
  // The workload must stay within the phones a user may have, or commands would be refused.
  if (Math.ceil(sizes.commandsPerUser / 2) > maxEnrollmentsPerUser) return E.left('the sizes enroll more phones than a user may have');
  return E.right({ runs, quick, sizes, processes: processes.right, stores: stores.right, out: values.out ?? defaultOut });
};
