import { performance } from 'node:perf_hooks';
import type { JsonObject } from '@ssp/eventstore';
import type { CommandSystem } from './systems/command-system';

export type Latency = Readonly<{ p50: number; p90: number; p99: number; max: number }>;

/** What a system did with the commands it was sent in the timed part. */
export type Driven = Readonly<{
  units: number;
  commands: number;
  accepted: number;
  deviceEvents: number;
  otherEvents: number;
  failures: number;
  /** The first few distinct failures, for the notes and the error of a failed run. */
  failureSamples: readonly string[];
  seconds: number;
  /** Per command, in milliseconds; measured only one command at a time, where a command's latency is its own. */
  latency?: Latency;
}>;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

export const latencyOf = (samples: readonly number[]): Latency => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
};

/**
 * Sends units of commands (W1: a round, one command per user; W2: one command) in order, with
 * `concurrency` commands in flight: each window of that many is awaited together, and no
 * window holds two commands of one user. Stops after the unit during which `budgetMs` ran out,
 * so that every run ends on a whole unit, whose expected outcome is known (a system that has
 * already failed some commands is cut at the budget inside a unit: its run is not checked further).
 */
export const drive = async (system: CommandSystem, units: readonly (readonly JsonObject[])[], concurrency: number, budgetMs: number): Promise<Driven> => {
  const samples: number[] = [];
  let commands = 0;
  let accepted = 0;
  let deviceEvents = 0;
  let otherEvents = 0;
  let failures = 0;
  const failureSamples: string[] = [];
  const timed = async (command: JsonObject): Promise<void> => {
    const started = performance.now();
    const outcome = await system.send(command);
    if (concurrency === 1) samples.push(performance.now() - started);
    commands += 1;
    if (outcome.ok) {
      accepted += 1;
      deviceEvents += outcome.deviceEvents;
      otherEvents += outcome.otherEvents;
    } else {
      failures += 1;
      if (failureSamples.length < 3 && !failureSamples.includes(outcome.error)) failureSamples.push(outcome.error);
    }
  };
  const began = performance.now();
  let done = 0;
  for (const unit of units) {
    if (concurrency === 1) for (const command of unit) await timed(command);
    else {
      for (let start = 0; start < unit.length; start += concurrency) {
        await Promise.all(unit.slice(start, start + concurrency).map(timed));
        // A system that has failed is past checking: cut it at the budget, even inside a unit.
        if (failures > 0 && performance.now() - began > budgetMs) break;
      }
    }
    done += 1;
    if (performance.now() - began > budgetMs) break;
  }
  const seconds = (performance.now() - began) / 1000;
  return { units: done, commands, accepted, deviceEvents, otherEvents, failures, failureSamples, seconds, ...(concurrency === 1 ? { latency: latencyOf(samples) } : {}) };
};
