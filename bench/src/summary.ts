import type { Latency } from './drive';
import type { Workload } from './options';
import type { CommandRunResult } from './w1';
import type { ReplayResult } from './w3';

/** One figure of one run: a system's throughput on a workload at a concurrency, from one fresh process. */
export type Measurement = Readonly<{
  workload: Workload;
  system: string;
  concurrency: number;
  run: number;
  /** Commands per second (W1, W2) or events per second (W3). */
  perSecond: number;
  /** Commands sent, or events replayed, in the timed part. */
  count: number;
  /** Whether W1 ran every round (a slow system stops at its budget). */
  complete: boolean;
  latency?: Latency;
  maxRssKb: number;
  readModelDigest?: string;
  notes: readonly string[];
}>;

export const keyOf = (m: Pick<Measurement, 'workload' | 'system' | 'concurrency'>): string => `${m.workload}/${m.system}/x${m.concurrency}`;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** `plannedUnits`: W1's rounds, or W2's commands; a run that did fewer stopped at its budget. */
export const fromCommandRun = (workload: 'w1' | 'w2', run: number, maxRssKb: number, plannedUnits: number, result: CommandRunResult): Measurement => ({
  workload,
  system: result.system,
  concurrency: result.concurrency,
  run,
  perSecond: result.commandsPerSecond,
  count: result.commands,
  complete: result.units === plannedUnits,
  ...(result.latency === undefined ? {} : { latency: result.latency }),
  maxRssKb,
  ...(result.readModelDigest === undefined ? {} : { readModelDigest: result.readModelDigest }),
  notes: result.notes,
});

export const fromReplay = (run: number, maxRssKb: number, result: ReplayResult): Measurement => ({
  workload: 'w3',
  system: result.system,
  concurrency: 1,
  run,
  perSecond: result.eventsPerSecond,
  count: result.events,
  complete: true,
  maxRssKb,
  ...(result.readModelDigest === undefined ? {} : { readModelDigest: result.readModelDigest }),
  notes: [],
});

/** The medians over runs of one figure. */
export type Summary = Readonly<{
  key: string;
  workload: Workload;
  system: string;
  concurrency: number;
  runs: number;
  perSecond: number;
  min: number;
  max: number;
  count: number;
  complete: boolean;
  latency?: Latency;
  maxRssMb: number;
}>;

export const summarise = (measurements: readonly Measurement[]): Summary[] => {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) groups.set(keyOf(m), [...(groups.get(keyOf(m)) ?? []), m]);
  return [...groups.entries()].map(([key, group]) => {
    const first = group[0];
    const latencies = group.flatMap((m) => (m.latency === undefined ? [] : [m.latency]));
    const pick = (field: keyof Latency) => median(latencies.map((latency) => latency[field]));
    const values = group.map((m) => m.perSecond);
    return {
      key,
      workload: first?.workload ?? 'w1',
      system: first?.system ?? '',
      concurrency: first?.concurrency ?? 1,
      runs: group.length,
      perSecond: median(values),
      min: Math.min(...values),
      max: Math.max(...values),
      count: median(group.map((m) => m.count)),
      complete: group.every((m) => m.complete),
      ...(latencies.length === 0 ? {} : { latency: { p50: pick('p50'), p90: pick('p90'), p99: pick('p99'), max: pick('max') } }),
      maxRssMb: median(group.map((m) => m.maxRssKb)) / 1024,
    };
  });
};

/**
 * Read models must agree: every complete W1 run of a deciding system and every W3 replay that
 * builds one yields the same digest (each was also checked against the mix in its process).
 */
export const digestDisagreements = (measurements: readonly Measurement[]): string[] => {
  const problems: string[] = [];
  for (const workload of ['w1', 'w3'] as const) {
    const digests = new Map<string, string[]>();
    for (const m of measurements) {
      if (m.workload !== workload || m.readModelDigest === undefined || !m.complete) continue;
      digests.set(m.readModelDigest, [...(digests.get(m.readModelDigest) ?? []), `${m.system} x${m.concurrency} run ${m.run}`]);
    }
    if (digests.size > 1) {
      problems.push(`${workload}: the read models differ between systems: ${[...digests.entries()].map(([digest, who]) => `${digest.slice(0, 12)} from ${who.join(', ')}`).join('; ')}`);
    }
  }
  return problems;
};
