/**
 * One measurement in a fresh process: `node --import tsx child.ts <task JSON> <inputs dir>`,
 * started by main.ts. Progress goes to stderr; the report goes back over the IPC channel.
 */
import { readFileSync } from 'node:fs';
import { inputFiles } from './inputs';
import { runTask } from './tasks';
import { isHistory, isSeed, isTask, parseJson, type ChildReport } from './wire';

const readAs = <T>(path: string, guard: (value: unknown) => value is T): T => {
  const value = parseJson(readFileSync(path, 'utf8'));
  if (!guard(value)) throw new Error(`${path} is not what the benchmark wrote`);
  return value;
};

const main = async (): Promise<void> => {
  const [taskJson, inputsDirectory] = process.argv.slice(2);
  const task = parseJson(taskJson ?? '');
  if (!isTask(task) || inputsDirectory === undefined) throw new Error(`usage: child.ts <task JSON> <inputs directory>; got ${String(taskJson)}`);
  const files = inputFiles(inputsDirectory);
  const outcome = await runTask(
    task,
    {
      w1Seed: () => readAs(files.w1Seed, isSeed),
      w2Seed: () => readAs(files.w2Seed, isSeed),
      w3History: () => readAs(files.w3History, isHistory),
    },
    (line) => process.stderr.write(`  ${line}\n`),
  );
  const report: ChildReport = { outcome, maxRssKb: process.resourceUsage().maxRSS };
  process.send?.(report, () => process.exit(0));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
