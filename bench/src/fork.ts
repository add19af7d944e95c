import { fork } from 'node:child_process';
import type { ChildBundle } from './bundle';
import type { Task } from './tasks';
import { isChildReport, type ChildReport } from './wire';

/**
 * Runs one task in a fresh Node process and answers its report, or why there is none. The
 * child's stdout is sent to our stderr with its progress (Emmett logs its SQLite errors to
 * stdout), so that stdout carries only the table.
 */
export const runInChild = (bundle: ChildBundle, task: Task, inputsDirectory: string, extraNodeOptions: readonly string[] = []): Promise<ChildReport | string> =>
  new Promise((resolve) => {
    let report: ChildReport | undefined;
    const child = fork(bundle.script, [JSON.stringify(task), inputsDirectory], {
      execArgv: [...extraNodeOptions],
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    child.on('message', (message: unknown) => {
      if (isChildReport(message)) report = message;
    });
    child.on('error', (error) => resolve(`could not start the child: ${error.message}`));
    child.on('exit', (code, signal) => {
      if (report !== undefined) resolve(report);
      else resolve(`the child exited with ${signal ?? `code ${String(code)}`} and no report`);
    });
  });
