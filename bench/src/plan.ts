import { chosenCommandSystems, type BenchOptions } from './options';
import { replaySystems } from './replays';
import { familyOf } from './systems';
import type { Task } from './tasks';

/** The tasks of one run, each for a fresh process: W1 and W2 on every chosen system, W3's replays. */
export const planRun = (options: BenchOptions): Task[] => {
  const { sizes } = options;
  const systems = chosenCommandSystems(options);
  const tasks: Task[] = [];
  if (options.workloads.includes('w1')) {
    for (const system of systems) {
      tasks.push({ kind: 'w1', system, rounds: sizes.rounds, concurrencies: sizes.concurrencies, budgetMs: sizes.budgetMs.w1, concurrentBudgetMs: sizes.budgetMs.w1Concurrent });
    }
  }
  if (options.workloads.includes('w2')) {
    for (const system of systems) tasks.push({ kind: 'w2', system, history: sizes.w2History, commands: sizes.w2Commands, budgetMs: sizes.budgetMs.w2 });
  }
  if (options.workloads.includes('w3')) {
    for (const system of replaySystems) if (options.families.includes(familyOf(system))) tasks.push({ kind: 'w3', system });
  }
  return tasks;
};

/** W1 in memory, ours without cache, one command at a time: what `--profile` runs under `node --cpu-prof`. */
export const profileTask = (options: BenchOptions): Task => ({
  kind: 'w1',
  system: 'ours-memory-nocache',
  rounds: options.sizes.rounds,
  concurrencies: [1],
  budgetMs: options.sizes.budgetMs.w1,
  concurrentBudgetMs: options.sizes.budgetMs.w1Concurrent,
});

export const describeTask = (task: Task): string => (task.kind === 'w1' ? `w1 ${task.system} ×${task.concurrencies.join('/')}` : `${task.kind} ${task.system}`);
