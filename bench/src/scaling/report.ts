import type { Machine } from '../machine';
import { markdownTable } from '../table';
import type { Measurement } from './measure';
import type { StoreKind } from './targets';
import type { ScalingSizes } from './workload';

export type ScalingSummary = Readonly<{
  store: StoreKind;
  processes: number;
  runs: number;
  perSecond: number;
  min: number;
  max: number;
  /** Against one process on the same store, medians over runs. */
  speedup: number;
  p50Ms: number;
  p99Ms: number;
  conflicts: number;
  noticeP50Ms: number;
  noticeP99Ms: number;
}>;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** Medians over the runs of each store and process count. */
export const summariseScaling = (measurements: readonly Measurement[]): ScalingSummary[] => {
  const keys = [...new Set(measurements.map((m) => `${m.store}/${m.processes}`))];
  const partial = keys.map((key) => {
    const runs = measurements.filter((m) => `${m.store}/${m.processes}` === key);
    const first = runs[0];
    const rates = runs.map((m) => m.perSecond);
    return {
      store: first?.store ?? 'sqlite',
      processes: first?.processes ?? 0,
      runs: runs.length,
      perSecond: median(rates),
      min: Math.min(...rates),
      max: Math.max(...rates),
      p50Ms: median(runs.map((m) => m.latency.p50)),
      p99Ms: median(runs.map((m) => m.latency.p99)),
      conflicts: median(runs.map((m) => m.conflicts)),
      noticeP50Ms: median(runs.map((m) => m.noticeLatency.p50)),
      noticeP99Ms: median(runs.map((m) => m.noticeLatency.p99)),
    };
  });
  return partial.map((summary) => {
    const single = partial.find((each) => each.store === summary.store && each.processes === 1);
    return { ...summary, speedup: single === undefined ? Number.NaN : summary.perSecond / single.perSecond };
  });
};

const storeNames: Record<StoreKind, string> = { sqlite: 'SQLite, one file', esdb: 'EventStoreDB test server' };
const whole = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');
const ms = (value: number): string => (!Number.isFinite(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1));

export const scalingTable = (summaries: readonly ScalingSummary[]): string =>
  markdownTable(
    ['store', 'processes', 'commands/s', 'min–max', 'vs 1 process', 'p50 ms', 'p99 ms', 'conflicts retried', 'notice p50 ms', 'notice p99 ms'],
    summaries.map((s) => [
      storeNames[s.store],
      String(s.processes),
      whole(s.perSecond),
      `${whole(s.min)}–${whole(s.max)}`,
      Number.isFinite(s.speedup) ? `${s.speedup.toFixed(2)}×` : '–',
      ms(s.p50Ms),
      ms(s.p99Ms),
      String(s.conflicts),
      ms(s.noticeP50Ms),
      ms(s.noticeP99Ms),
    ]),
    (i) => i > 0,
  );

/** What a reader of the figures must know, printed under the table and kept in the JSON. */
export const scalingNotes = (sizes: ScalingSizes, machine: Machine): string[] => [
  `Workload: ${sizes.users} users (each with a portal session and a completed SMS step-up, set up before timing) × ${sizes.commandsPerUser} device commands (enroll a mobile with a new number, rename it, enroll the next …), split evenly between the handler processes, ${sizes.inFlightPerProcess} in flight per process. Every command must be accepted, or the run fails.`,
  `commands/s: accepted commands over the wall time from the first process's start to the last one's end. p50/p99: per command, from send to result, with ${sizes.inFlightPerProcess} in flight (so they include waiting in the process's own queue). Conflicts retried: appends refused as WrongExpectedRevision and decided again (each process drives users of its own, so only shared streams can conflict).`,
  'Notice latency: for each SMS, from the handler returning the enrollment that caused it to the sender being called by the one notification worker (its own process, on the consumer group of the same store), measured while the handlers run, so it includes the worker\'s backlog. Every expected SMS must be sent, once, or the run fails.',
  `This machine has ${machine.cores} core(s). Each measurement runs the handler processes, the notification worker and (for EventStoreDB) the server as separate processes on them: on 2 cores, 4 processes cannot scale past 2×, and the extra processes compete with the worker and the server.`,
  'SQLite: one file at the store\'s default durability, shared by every process (one writer at a time: SQLite serialises appends across processes with its file lock and busy timeout). EventStoreDB: our in-process gRPC test server (@ssp/eventstoredb-test-server), a fresh one per measurement, in a process of its own: its figures say how the adapter and handlers behave over gRPC, not what a real EventStoreDB cluster can take.',
  'Each measurement: a fresh store seeded with the setup, fresh processes, all handlers connected before any starts. Figures are medians over runs.',
];
