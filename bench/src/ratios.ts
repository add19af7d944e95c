import { keyOf, median, type Measurement } from './summary';

type Figure = Readonly<{ workload: 'w1' | 'w2' | 'w3'; system: string; concurrency?: number }>;

/** A ratio of two figures of the same run, and the goal for it where it sets one. */
export type RatioSpec = Readonly<{ label: string; numerator: Figure; denominator: Figure; goal?: number }>;

export const ratioSpecs: readonly RatioSpec[] = [
  { label: 'W1 in memory, no cache: ours / Emmett', numerator: { workload: 'w1', system: 'ours-memory-nocache' }, denominator: { workload: 'w1', system: 'emmett-memory' }, goal: 5 },
  { label: 'W1 in memory, default cache: ours / Emmett', numerator: { workload: 'w1', system: 'ours-memory-cache' }, denominator: { workload: 'w1', system: 'emmett-memory' } },
  { label: 'W1 in memory, no cache: ours / Map ceiling', numerator: { workload: 'w1', system: 'ours-memory-nocache' }, denominator: { workload: 'w1', system: 'ceiling-memory' } },
  {
    label: 'W1 SQLite, no cache, 1 in flight: ours / better-sqlite3 appends',
    numerator: { workload: 'w1', system: 'ours-sqlite-nocache' },
    denominator: { workload: 'w1', system: 'ceiling-sqlite-append' },
    goal: 0.5,
  },
  {
    label: 'W1 SQLite, no cache, 64 in flight: ours / better-sqlite3 appends',
    numerator: { workload: 'w1', system: 'ours-sqlite-nocache', concurrency: 64 },
    denominator: { workload: 'w1', system: 'ceiling-sqlite-append' },
    goal: 0.5,
  },
  { label: 'W1 SQLite, no cache: ours / Emmett tuned', numerator: { workload: 'w1', system: 'ours-sqlite-nocache' }, denominator: { workload: 'w1', system: 'emmett-sqlite-tuned' } },
  { label: 'W1 SQLite, default cache: ours / better-sqlite3 appends', numerator: { workload: 'w1', system: 'ours-sqlite-cache' }, denominator: { workload: 'w1', system: 'ceiling-sqlite-append' } },
  { label: 'W2 in memory, no cache: ours / Emmett', numerator: { workload: 'w2', system: 'ours-memory-nocache' }, denominator: { workload: 'w2', system: 'emmett-memory' }, goal: 1 },
  { label: 'W2 SQLite, no cache: ours / Emmett tuned', numerator: { workload: 'w2', system: 'ours-sqlite-nocache' }, denominator: { workload: 'w2', system: 'emmett-sqlite-tuned' }, goal: 1 },
  { label: 'W2 / W1 in memory, default cache (flat in stream length)', numerator: { workload: 'w2', system: 'ours-memory-cache' }, denominator: { workload: 'w1', system: 'ours-memory-cache' }, goal: 0.5 },
  { label: 'W2 / W1 SQLite, default cache (flat in stream length)', numerator: { workload: 'w2', system: 'ours-sqlite-cache' }, denominator: { workload: 'w1', system: 'ours-sqlite-cache' }, goal: 0.5 },
  { label: 'W3 in memory: projection runner / loop over an array', numerator: { workload: 'w3', system: 'ours-runner-memory' }, denominator: { workload: 'w3', system: 'ceiling-memory-loop' }, goal: 0.5 },
  { label: 'W3 SQLite: projection runner / better-sqlite3 reading one table', numerator: { workload: 'w3', system: 'ours-runner-sqlite' }, denominator: { workload: 'w3', system: 'ceiling-sqlite-table' }, goal: 0.5 },
  { label: 'W3 SQLite: raw readAll / better-sqlite3 reading one table', numerator: { workload: 'w3', system: 'ours-readall-sqlite' }, denominator: { workload: 'w3', system: 'ceiling-sqlite-table' } },
  { label: 'W3 in memory: projection runner / Emmett per-stream reads', numerator: { workload: 'w3', system: 'ours-runner-memory' }, denominator: { workload: 'w3', system: 'emmett-memory-streams' } },
  { label: 'W3 SQLite: projection runner / Emmett processor', numerator: { workload: 'w3', system: 'ours-runner-sqlite' }, denominator: { workload: 'w3', system: 'emmett-sqlite-processor' } },
];

export type Ratio = Readonly<{ label: string; median: number; perRun: readonly number[]; goal?: number; met?: boolean }>;

const keyOfFigure = (figure: Figure): string => keyOf({ workload: figure.workload, system: figure.system, concurrency: figure.concurrency ?? 1 });

/** Each ratio taken within each run (both figures from the same run), then the median over runs. */
export const ratiosOf = (measurements: readonly Measurement[]): Ratio[] =>
  ratioSpecs.flatMap((spec) => {
    const runs = [...new Set(measurements.map((m) => m.run))];
    const perRun = runs.flatMap((run) => {
      const find = (figure: Figure) => measurements.find((m) => m.run === run && keyOf(m) === keyOfFigure(figure));
      const top = find(spec.numerator);
      const bottom = find(spec.denominator);
      return top === undefined || bottom === undefined ? [] : [top.perSecond / bottom.perSecond];
    });
    if (perRun.length === 0) return [];
    const value = median(perRun);
    return [{ label: spec.label, median: value, perRun, ...(spec.goal === undefined ? {} : { goal: spec.goal, met: value >= spec.goal }) }];
  });
