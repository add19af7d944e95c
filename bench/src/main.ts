/**
 * `pnpm bench`: issue 10's benchmark. Our command path, read side and stores against Emmett
 * 0.42 and the raw ceilings, on W1, W2 and W3, one fresh process per measurement and run;
 * medians, ratios and goals printed as a table (stdout) and written as JSON. Progress goes to
 * stderr. See docs/performance.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/Either';
import { bundleChild, locatorFor, type ChildBundle } from './bundle';
import { runInChild } from './fork';
import { prepareInputs } from './inputs';
import { describeMachine, loadNow } from './machine';
import { standingNotes } from './notes';
import { parseOptions, usage, type BenchOptions } from './options';
import { describeTask, planRun, profileTask } from './plan';
import { readProfile, shortPath, topSelfTime, type ProfileEntry } from './profile';
import { ratiosOf } from './ratios';
import { digestDisagreements, fromCommandRun, fromReplay, summarise, type Measurement } from './summary';
import { detailTable, headlineTable, markdownTable, ratioTable } from './table';
import type { Task } from './tasks';

const repositoryRoot = resolve(__dirname, '..', '..');
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Stops the benchmark: a run that is wrong must not print figures as if it were right. */
const failLoudly = (message: string): never => {
  process.stderr.write(`\nBENCHMARK FAILED: ${message}\n`);
  process.exit(1);
};

const measurementsOf = (task: Task, run: number, report: Awaited<ReturnType<typeof runInChild>>, options: BenchOptions): Measurement[] => {
  if (typeof report === 'string') return failLoudly(`${describeTask(task)}, run ${run}: ${report}`);
  const { outcome, maxRssKb } = report;
  const problems = outcome.results.flatMap((result) => result.problems.map((problem) => `${result.system}: ${problem}`));
  if (problems.length > 0) return failLoudly(`${describeTask(task)}, run ${run}: ${problems.join('; ')}`);
  if (outcome.kind === 'w3') return outcome.results.map((result) => fromReplay(run, maxRssKb, result));
  const planned = outcome.kind === 'w1' ? options.sizes.rounds : options.sizes.w2Commands;
  return outcome.results.map((result) => fromCommandRun(outcome.kind, run, maxRssKb, planned, result));
};

const profileOnce = async (bundle: ChildBundle, options: BenchOptions, inputs: string): Promise<ProfileEntry[]> => {
  const directory = mkdtempSync(join(tmpdir(), 'ssp-bench-profile-'));
  try {
    progress('profile: W1 in memory, ours, no cache, under node --cpu-prof');
    const report = await runInChild(bundle, profileTask(options), inputs, ['--cpu-prof', `--cpu-prof-dir=${directory}`]);
    if (typeof report === 'string') return failLoudly(`the profiled run: ${report}`);
    return topSelfTime(readProfile(directory), 15, locatorFor(bundle)).map((entry) => ({ ...entry, url: shortPath(entry.url, repositoryRoot) }));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

const profileTable = (entries: readonly ProfileEntry[]): string =>
  markdownTable(
    ['self time', 'share', 'function', 'where'],
    entries.map((e) => [`${e.selfMs.toFixed(0)} ms`, `${e.percent.toFixed(1)} %`, e.functionName.length > 60 ? `${e.functionName.slice(0, 57)}...` : e.functionName, e.url === '' ? '(native)' : `${e.url}:${e.line}`]),
    (i) => i < 2,
  );

const main = async (): Promise<void> => {
  const parsed = parseOptions(process.argv.slice(2), join(repositoryRoot, 'bench', 'results', 'latest.json'));
  if (E.isLeft(parsed)) return failLoudly(`${parsed.left}\n\n${usage}`);
  const options = parsed.right;
  const started = performance.now();
  const machine = describeMachine();
  progress(`node ${machine.node}, ${machine.cores} × ${machine.cpu}, temp files on ${machine.tempFileSystem}`);
  const inputs = mkdtempSync(join(tmpdir(), 'ssp-bench-inputs-'));
  try {
    const bundling = performance.now();
    const bundle = await bundleChild(join(repositoryRoot, 'bench', '.build'));
    progress(`the measuring process compiled by esbuild into ${shortPath(bundle.script, repositoryRoot)} in ${((performance.now() - bundling) / 1000).toFixed(1)} s`);
    await prepareInputs(inputs, options.sizes, progress);
    const tasks = planRun(options);
    const measurements: Measurement[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      for (const [i, task] of tasks.entries()) {
        progress(`[run ${run}/${options.runs}, ${i + 1}/${tasks.length}] ${describeTask(task)}`);
        measurements.push(...measurementsOf(task, run, await runInChild(bundle, task, inputs), options));
      }
    }
    const disagreements = digestDisagreements(measurements);
    if (disagreements.length > 0) failLoudly(disagreements.join('\n'));
    const profile = options.profile ? await profileOnce(bundle, options, inputs) : [];

    const summaries = summarise(measurements);
    const ratios = ratiosOf(measurements);
    const notes = [...standingNotes(options.sizes), ...new Set(measurements.flatMap((m) => m.notes))];
    const durationSeconds = (performance.now() - started) / 1000;
    const loadAtEnd = loadNow();
    const load = `load average ${machine.loadAverage.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end`;
    const sections = [
      `Medians of ${options.runs} run(s)${options.quick ? ' (--quick sizes)' : ''}, ${machine.cores} × ${machine.cpu}, Node ${machine.node}, ${durationSeconds.toFixed(0)} s in all, ${load}.`,
      headlineTable(summaries),
      ratioTable(ratios),
      detailTable(summaries),
      ...(profile.length > 0 ? [`Top ${profile.length} functions by self time, W1 in memory, ours, no cache (node --cpu-prof):`, profileTable(profile)] : []),
      notes.map((note) => `- ${note}`).join('\n'),
    ];
    process.stdout.write(`${sections.join('\n\n')}\n`);
    mkdirSync(dirname(options.out), { recursive: true });
    const json = { machine, loadAtEnd, options, startedAt: new Date(Date.now() - durationSeconds * 1000).toISOString(), durationSeconds, summaries, ratios, profile, notes, measurements };
    writeFileSync(options.out, `${JSON.stringify(json, null, 2)}\n`);
    progress(`written to ${options.out}`);
  } finally {
    rmSync(inputs, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => failLoudly(error instanceof Error ? (error.stack ?? error.message) : String(error)));
