/**
 * `pnpm bench:scaling`: issue 14's benchmark. Commands/s of 1, 2 and 4 command-handler
 * processes on one store (a SQLite file, the EventStoreDB test server), and the latency from
 * an enrollment's append to its SMS, through one notification worker. A table on stdout,
 * progress on stderr, everything in JSON. See docs/performance.md, "Scaling past one process".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/Either';
import { describeMachine, loadNow } from '../machine';
import { createSeed } from '../seed';
import { measure, type Measurement } from './measure';
import { parseScalingOptions, scalingUsage } from './options';
import { scalingNotes, scalingTable, summariseScaling } from './report';
import { scalingLabel } from './workload';

const repositoryRoot = resolve(__dirname, '..', '..', '..');
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const failLoudly = (message: string): never => {
  process.stderr.write(`\nBENCHMARK FAILED: ${message}\n`);
  process.exit(1);
};

const main = async (): Promise<void> => {
  const parsed = parseScalingOptions(process.argv.slice(2), join(repositoryRoot, 'bench', 'results', 'scaling.json'));
  if (E.isLeft(parsed)) return failLoudly(`${parsed.left}\n\n${scalingUsage}`);
  const options = parsed.right;
  const started = performance.now();
  const machine = describeMachine();
  progress(`node ${machine.node}, ${machine.cores} × ${machine.cpu}, temp files on ${machine.tempFileSystem}`);
  const seed = await createSeed(scalingLabel, options.sizes.users);
  const directory = mkdtempSync(join(tmpdir(), 'ssp-bench-scaling-'));
  try {
    const measurements: Measurement[] = [];
    // Runs interleaved, as in `pnpm bench`: a slow minute of the machine does not land on one figure only.
    for (let run = 1; run <= options.runs; run += 1) {
      for (const store of options.stores) {
        for (const processes of options.processes) {
          progress(`[run ${run}/${options.runs}] ${store}, ${processes} handler process(es)`);
          const measured = await measure({ store, processes, run, sizes: options.sizes, seed, directory });
          if (measured.problems.length > 0) failLoudly(`${store}, ${processes} process(es), run ${run}: ${measured.problems.join('; ')}`);
          progress(`  ${Math.round(measured.perSecond)} commands/s, ${measured.noticesSent} SMS sent`);
          measurements.push(measured);
        }
      }
    }
    const summaries = summariseScaling(measurements);
    const notes = scalingNotes(options.sizes, machine);
    const durationSeconds = (performance.now() - started) / 1000;
    const loadAtEnd = loadNow();
    const heading = `Medians of ${options.runs} run(s)${options.quick ? ' (--quick sizes)' : ''}, ${machine.cores} × ${machine.cpu}, Node ${machine.node}, ${durationSeconds.toFixed(0)} s in all, load average ${machine.loadAverage.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end.`;
    process.stdout.write(`${[heading, scalingTable(summaries), notes.map((note) => `- ${note}`).join('\n')].join('\n\n')}\n`);
    mkdirSync(dirname(options.out), { recursive: true });
    const json = { machine, loadAtEnd, options, durationSeconds, summaries, notes, measurements };
    writeFileSync(options.out, `${JSON.stringify(json, null, 2)}\n`);
    progress(`written to ${options.out}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => failLoudly(error instanceof Error ? (error.stack ?? error.message) : String(error)));
