/**
 * Appends per second: raw better-sqlite3 (one INSERT per IMMEDIATE transaction, the ceiling
 * for one-event appends on this machine and disk) against this store's appendToStream (one
 * event per append, exact expected revision), for each durability setting.
 *
 *   npx tsx packages/sqlite/src/bench.ts [appends per run, default 2000]
 *
 * Files live in a fresh temp directory, removed at the end.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/Either';
import { openSqliteDatabase } from './database';
import type { OpenSqliteDatabaseOptions } from './database';
import { describeOpenError } from './open-error';
import { openSqliteEventStore } from './sqlite-event-store';
import { createTempDirectory } from './testing/temp-directory';

type Synchronous = NonNullable<OpenSqliteDatabaseOptions['synchronous']>;

const payload = { deviceId: 'd-1', name: 'security key', registeredAt: '2026-01-01T00:00:00.000Z' };

/** The same table, indexes and pragmas as the store; only the store's own logic is missing. */
const rawInserts = (path: string, synchronous: Synchronous, count: number): number => {
  const opened = openSqliteDatabase({ path, synchronous });
  if (E.isLeft(opened)) throw new Error(describeOpenError(opened.left));
  const { connection } = opened.right;
  const insert = connection.prepare(
    `INSERT INTO events (event_id, stream_name, stream_category, stream_revision, event_type, data, metadata)
     VALUES (?, 'Device-1', 'Device', ?, 'DeviceRenamed', ?, '{}')`,
  );
  const insertOne = connection.transaction((revision: number) => {
    insert.run(randomUUID(), revision, JSON.stringify(payload));
  });
  const started = performance.now();
  for (let revision = 0; revision < count; revision += 1) insertOne.immediate(revision);
  const seconds = (performance.now() - started) / 1000;
  opened.right.close();
  return count / seconds;
};

const storeAppends = async (path: string, synchronous: Synchronous, count: number): Promise<number> => {
  const opened = openSqliteEventStore({ path, synchronous });
  if (E.isLeft(opened)) throw new Error(describeOpenError(opened.left));
  const store = opened.right;
  const started = performance.now();
  for (let revision = 0; revision < count; revision += 1) {
    const event = { eventId: randomUUID(), type: 'DeviceRenamed', data: payload, metadata: {} };
    const expectedRevision = revision === 0 ? 'NO_STREAM' : BigInt(revision - 1);
    const appended = await store.appendToStream('Device-1', [event], { expectedRevision })();
    if (E.isLeft(appended)) throw new Error(`append refused: ${appended.left.kind}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return count / seconds;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * fsync-bound figures are noisy on a shared machine, so raw and store runs alternate and each
 * figure is the median of several runs, every run on a fresh file.
 */
const main = async (): Promise<void> => {
  const count = Number(process.argv[2] ?? 2000);
  const repetitions = Number(process.argv[3] ?? 3);
  const directory = createTempDirectory('ssp-sqlite-bench-');
  try {
    console.log(`${count} one-event appends per run, median of ${repetitions} runs, files in ${directory.path}\n`);
    console.log('synchronous  raw inserts/s  store appends/s  store/raw');
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const raw: number[] = [];
      const store: number[] = [];
      for (let run = 0; run < repetitions; run += 1) {
        raw.push(rawInserts(directory.file(`raw-${synchronous}-${run}.sqlite`), synchronous, count));
        store.push(await storeAppends(directory.file(`store-${synchronous}-${run}.sqlite`), synchronous, count));
      }
      const [rawRate, storeRate] = [median(raw), median(store)];
      console.log(
        `${synchronous.padEnd(11)}  ${rawRate.toFixed(0).padStart(13)}  ${storeRate.toFixed(0).padStart(15)}  ${(storeRate / rawRate).toFixed(2).padStart(9)}`,
      );
    }
  } finally {
    directory.remove();
  }
};

void main();
