import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export type ForkedScript = Readonly<{
  child: ChildProcess;
  /** Settles with the exit code (or signal) once the child has exited and its pipes are drained. */
  closed: Promise<number | NodeJS.Signals | null>;
}>;

/**
 * Starts a TypeScript script as one plain Node process with tsx loaded in it (not through the
 * tsx CLI, which would add a parent process: SIGKILL must hit the process holding the file).
 * `script` is a file name in this testing directory.
 */
export const forkTypeScript = (script: string, args: readonly string[]): ForkedScript => {
  const child = fork(resolve(__dirname, script), [...args], {
    cwd: WORKSPACE_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // Listening from the start: 'close' may fire before anyone asks for it.
  const closed = new Promise<number | NodeJS.Signals | null>((resolveClosed) => {
    child.once('close', (code, signal) => resolveClosed(code ?? signal));
  });
  return { child, closed };
};
