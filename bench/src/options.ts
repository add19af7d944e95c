import { parseArgs } from 'node:util';
import * as E from 'fp-ts/Either';
import { commandSystems, familyOf } from './systems';

export const workloads = ['w1', 'w2', 'w3'] as const;
export type Workload = (typeof workloads)[number];
export const families = ['ours', 'emmett', 'ceiling'] as const;
export type Family = (typeof families)[number];

/** How big each workload is, and how long a slow system may take over one measurement. */
export type Sizes = Readonly<{
  users: number;
  rounds: number;
  w2History: number;
  w2Commands: number;
  concurrencies: readonly number[];
  /** W1 one command at a time, W1 with several in flight, W2: a slow system stops after the round (command) during which its budget ran out. */
  budgetMs: Readonly<{ w1: number; w1Concurrent: number; w2: number }>;
}>;

export const fullSizes: Sizes = {
  users: 1_000,
  rounds: 20,
  w2History: 10_000,
  w2Commands: 1_000,
  concurrencies: [1, 8, 64],
  budgetMs: { w1: 6_000, w1Concurrent: 3_000, w2: 5_000 },
};

export const quickSizes: Sizes = { ...fullSizes, users: 50, rounds: 4, w2History: 500, w2Commands: 50 };

export type BenchOptions = Readonly<{
  runs: number;
  sizes: Sizes;
  quick: boolean;
  workloads: readonly Workload[];
  families: readonly Family[];
  out: string;
  profile: boolean;
}>;

export const usage = `pnpm bench [--runs N] [--quick] [--only w1,w2,w3] [--systems ours,emmett,ceiling] [--out path.json] [--profile]

  --runs N      fresh processes per measurement; medians are taken over them (default 3)
  --quick       small sizes for a smoke run: 50 users x 4 commands, W2 with 500 events and 50 commands
  --only        the workloads to run (default all three)
  --systems     the families of systems to run (default all three)
  --out         where the JSON goes (default bench/results/latest.json)
  --profile     also run W1 in memory (ours, no cache) once under node --cpu-prof, and report its top 15 functions`;

const listOf = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): E.Either<string, readonly T[]> => {
  if (value === undefined) return E.right(allowed);
  const items = value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
  const unknown = items.filter((item) => !allowed.some((each) => each === item));
  if (unknown.length > 0 || items.length === 0) return E.left(`--${name} takes a comma-separated list of ${allowed.join(', ')}; got ${value}`);
  return E.right(allowed.filter((each) => items.includes(each)));
};

/** The command line, or a message naming what is wrong with it. */
export const parseOptions = (argv: readonly string[], defaultOut: string): E.Either<string, BenchOptions> => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        systems: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'boolean', default: false },
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
  const only = listOf('only', values.only, workloads);
  if (E.isLeft(only)) return only;
  const systems = listOf('systems', values.systems, families);
  if (E.isLeft(systems)) return systems;
  const quick = values.quick === true;
  return E.right({
    runs,
    quick,
    sizes: quick ? quickSizes : fullSizes,
    workloads: only.right,
    families: systems.right,
    out: values.out ?? defaultOut,
    profile: values.profile === true,
  });
};

/** The command systems of the chosen families. */
export const chosenCommandSystems = (options: BenchOptions) => commandSystems.filter((id) => options.families.includes(familyOf(id)));
