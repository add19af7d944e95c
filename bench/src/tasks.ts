import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplaySystemId } from './replays';
import type { Seed } from './seed';
import { takesConcurrency, type CommandSystemId } from './systems';
import { runW1, type CommandRunResult } from './w1';
import { runW2 } from './w2';
import { runW3, type History, type ReplayResult } from './w3';

/** What one fresh process measures: one system on one workload (W1 at each concurrency, each on a fresh store). */
export type Task =
  | Readonly<{ kind: 'w1'; system: CommandSystemId; rounds: number; concurrencies: readonly number[]; budgetMs: number; concurrentBudgetMs: number }>
  | Readonly<{ kind: 'w2'; system: CommandSystemId; history: number; commands: number; budgetMs: number }>
  | Readonly<{ kind: 'w3'; system: ReplaySystemId }>;

/** The histories written once per benchmark, before any task: W1's and W2's seeds, W1's whole history for W3. */
export type Inputs = Readonly<{ w1Seed: () => Seed; w2Seed: () => Seed; w3History: () => History }>;

export type TaskOutcome =
  | Readonly<{ kind: 'w1'; results: readonly CommandRunResult[] }>
  | Readonly<{ kind: 'w2'; results: readonly CommandRunResult[] }>
  | Readonly<{ kind: 'w3'; results: readonly ReplayResult[] }>;

/** A directory of its own for each measurement's files, removed after it. */
const inFreshDirectory = async <A>(run: (directory: string) => Promise<A>): Promise<A> => {
  const directory = mkdtempSync(join(tmpdir(), 'ssp-bench-'));
  try {
    return await run(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

/** Runs a task in this process: the child's whole job, and the spec's. */
export const runTask = async (task: Task, inputs: Inputs, progress: (line: string) => void = () => undefined): Promise<TaskOutcome> => {
  switch (task.kind) {
    case 'w1': {
      const seed = inputs.w1Seed();
      const results: CommandRunResult[] = [];
      for (const concurrency of takesConcurrency(task.system) ? task.concurrencies : [1]) {
        const budgetMs = concurrency === 1 ? task.budgetMs : task.concurrentBudgetMs;
        const result = await inFreshDirectory((directory) => runW1(task.system, { seed, rounds: task.rounds, concurrency, budgetMs, directory }));
        progress(`w1 ${task.system} ×${concurrency}: ${Math.round(result.commandsPerSecond).toLocaleString('en-US')} cmd/s over ${result.commands} commands`);
        results.push(result);
      }
      return { kind: 'w1', results };
    }
    case 'w2': {
      const seed = inputs.w2Seed();
      const result = await inFreshDirectory((directory) => runW2(task.system, { seed, history: task.history, commands: task.commands, budgetMs: task.budgetMs, directory }));
      progress(`w2 ${task.system}: ${result.commandsPerSecond.toFixed(1)} cmd/s over ${result.commands} commands`);
      return { kind: 'w2', results: [result] };
    }
    case 'w3': {
      const result = await inFreshDirectory((directory) => runW3(task.system, inputs.w3History(), directory));
      progress(`w3 ${task.system}: ${Math.round(result.eventsPerSecond).toLocaleString('en-US')} events/s over ${result.events} events`);
      return { kind: 'w3', results: [result] };
    }
  }
};
