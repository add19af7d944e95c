import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/**
 * Starts a TypeScript script as one plain Node process with tsx loaded in it (not through the
 * tsx CLI, which would add a parent process: SIGKILL must hit the process holding the file).
 * `script` is a file name in this testing directory.
 */
export const forkTypeScript = (script: string, args: readonly string[]): ChildProcess =>
  fork(resolve(__dirname, script), [...args], {
    cwd: WORKSPACE_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });

/** Resolves with the exit code (or signal) once the child has exited and its pipes are drained. */
export const exited = (child: ChildProcess): Promise<number | NodeJS.Signals | null> =>
  new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolveExit(child.exitCode ?? child.signalCode);
      return;
    }
    child.once('close', (code, signal) => resolveExit(code ?? signal));
  });
