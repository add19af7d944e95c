import type { Ratio } from './ratios';
import type { Summary } from './summary';

const rate = (value: number | undefined): string => {
  if (value === undefined || !Number.isFinite(value)) return '';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
};

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3));

/** A Markdown table, columns padded so that it also reads as plain text. */
export const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[], rightAligned: (column: number) => boolean): string => {
  const widths = header.map((title, i) => Math.max(title.length, 3, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (rightAligned(i) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
};

/** The issue's table: ours, Emmett and the ceiling side by side, medians over the runs. */
export const headlineTable = (summaries: readonly Summary[]): string => {
  const at = (workload: string, system: string, concurrency = 1) =>
    summaries.find((s) => s.workload === workload && s.system === system && s.concurrency === concurrency);
  const fig = (workload: string, system: string, concurrency = 1) => {
    const found = at(workload, system, concurrency);
    if (found === undefined) return '–';
    return `${rate(found.perSecond)}${found.complete ? '' : '*'}`;
  };
  const rows = [
    ['W1 in memory, no cache (cmd/s)', fig('w1', 'ours-memory-nocache'), fig('w1', 'emmett-memory'), fig('w1', 'ceiling-memory')],
    ['W1 in memory, default cache', fig('w1', 'ours-memory-cache'), '', ''],
    [
      'W1 SQLite, no cache / default cache',
      `${fig('w1', 'ours-sqlite-nocache')} / ${fig('w1', 'ours-sqlite-cache')}`,
      `${fig('w1', 'emmett-sqlite-tuned')} (tuned), ${fig('w1', 'emmett-sqlite-default')} (default)`,
      `${fig('w1', 'ceiling-sqlite-append')} append, ${fig('w1', 'ceiling-sqlite-read-append')} read+append`,
    ],
    [
      'W1 SQLite, 64 in flight, no cache / cache',
      `${fig('w1', 'ours-sqlite-nocache', 64)} / ${fig('w1', 'ours-sqlite-cache', 64)}`,
      `${fig('w1', 'emmett-sqlite-tuned', 64)} (tuned), ${fig('w1', 'emmett-sqlite-default', 64)} (default)`,
      '',
    ],
    ['W2 in memory, no cache / cache', `${fig('w2', 'ours-memory-nocache')} / ${fig('w2', 'ours-memory-cache')}`, fig('w2', 'emmett-memory'), fig('w2', 'ceiling-memory')],
    [
      'W2 SQLite, no cache / cache',
      `${fig('w2', 'ours-sqlite-nocache')} / ${fig('w2', 'ours-sqlite-cache')}`,
      `${fig('w2', 'emmett-sqlite-tuned')} (tuned), ${fig('w2', 'emmett-sqlite-default')} (default)`,
      `${fig('w2', 'ceiling-sqlite-append')} append`,
    ],
    [
      'W3 projection runner, memory / SQLite (events/s)',
      `${fig('w3', 'ours-runner-memory')} / ${fig('w3', 'ours-runner-sqlite')}`,
      `${fig('w3', 'emmett-memory-streams')} (per-stream reads) / ${fig('w3', 'emmett-sqlite-processor')}`,
      `${fig('w3', 'ceiling-memory-loop')} / ${fig('w3', 'ceiling-sqlite-table')}`,
    ],
    ['W3 raw `readAll`, memory / SQLite', `${fig('w3', 'ours-readall-memory')} / ${fig('w3', 'ours-readall-sqlite')}`, `– / ${fig('w3', 'emmett-sqlite-readall')}`, ''],
  ];
  return markdownTable(['', 'ours', 'Emmett', 'ceiling'], rows, (i) => i > 0);
};

/** Every figure: medians, the spread over runs, latencies per command and peak RSS. */
export const detailTable = (summaries: readonly Summary[]): string => {
  const rows = summaries.map((s) => [
    s.workload.toUpperCase(),
    s.system,
    String(s.concurrency),
    `${s.count.toLocaleString('en-US')}${s.complete ? '' : '*'}`,
    rate(s.perSecond),
    `${rate(s.min)}–${rate(s.max)}`,
    s.latency === undefined ? '' : ms(s.latency.p50),
    s.latency === undefined ? '' : ms(s.latency.p90),
    s.latency === undefined ? '' : ms(s.latency.p99),
    s.latency === undefined ? '' : ms(s.latency.max),
    s.maxRssMb.toFixed(0),
  ]);
  const header = ['', 'system', 'in flight', 'measured', 'per s', 'min–max', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'peak RSS MB'];
  return markdownTable(header, rows, (i) => i > 2);
};

export const ratioTable = (ratios: readonly Ratio[]): string =>
  markdownTable(
    ['ratio (same run, median over runs)', 'value', 'goal', 'met'],
    ratios.map((r) => [r.label, `${r.median.toFixed(2)}×`, r.goal === undefined ? '' : `≥ ${r.goal}×`, r.met === undefined ? '' : r.met ? 'yes' : 'no']),
    (i) => i > 0,
  );
