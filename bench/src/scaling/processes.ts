import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';

/** tsx's loader by path: a child must not depend on where it was started from. */
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

/** How long a process told to stop may take to exit before it is killed. */
const endGraceMs = 5_000;

export type Process = Readonly<{
  /** The next message the codec accepts, or why none came (the process exited first, or the wait ran out). */
  next: <A>(codec: t.Type<A, unknown>, what: string, timeoutMs: number) => Promise<E.Either<string, A>>;
  send: (message: Serializable) => void;
  /** Waits a moment for the process to exit on its own (after `stop`), then kills it if it has not. */
  end: () => Promise<void>;
}>;

/**
 * Forks one of this folder's scripts with its configuration as JSON argument. Its stdout goes
 * to our stderr, so that our stdout carries only the table.
 */
export const startProcess = (script: string, config: unknown): Process => {
  const child: ChildProcess = fork(join(__dirname, script), [JSON.stringify(config)], {
    execArgv: ['--import', tsxLoader],
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const inbox: unknown[] = [];
  const waiters = new Set<() => void>();
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `${script} exited with ${signal ?? `code ${String(code)}`}`;
      for (const wake of [...waiters]) wake();
      resolve();
    });
  });
  child.on('message', (message: unknown) => {
    inbox.push(message);
    for (const wake of [...waiters]) wake();
  });
  child.on('error', (error) => {
    exited = `${script} could not start: ${error.message}`;
    for (const wake of [...waiters]) wake();
  });

  const next = <A>(codec: t.Type<A, unknown>, what: string, timeoutMs: number): Promise<E.Either<string, A>> =>
    new Promise((resolve) => {
      const look = (): boolean => {
        const index = inbox.findIndex((message) => codec.is(message));
        const found = index < 0 ? undefined : codec.decode(inbox.splice(index, 1)[0]);
        if (found !== undefined && E.isRight(found)) resolve(E.right(found.right));
        else if (exited !== undefined) resolve(E.left(`${exited} before ${what}`));
        else return false;
        return true;
      };
      if (look()) return;
      const timer = setTimeout(() => {
        waiters.delete(wake);
        resolve(E.left(`${script}: no ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const wake = (): void => {
        if (!look()) return;
        clearTimeout(timer);
        waiters.delete(wake);
      };
      waiters.add(wake);
    });

  return {
    next,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    end: async () => {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([exit, new Promise<void>((resolve) => (grace = setTimeout(resolve, endGraceMs)))]);
      clearTimeout(grace);
      if (exited === undefined) child.kill();
      await exit;
    },
  };
};

/** A child's own side: decodes its configuration, and waits for the parent's messages. */
export const configOf = <A>(codec: t.Type<A, unknown>): A => {
  const decoded = codec.decode(JSON.parse(process.argv[2] ?? 'null'));
  if (E.isLeft(decoded)) throw new Error(`the configuration of ${process.argv[1] ?? 'this process'} does not decode`);
  return decoded.right;
};

export const nextFromParent = <A>(codec: t.Type<A, unknown>): Promise<A> =>
  new Promise((resolve) => {
    const listener = (message: unknown): void => {
      if (!codec.is(message)) return;
      process.off('message', listener);
      resolve(message);
    };
    process.on('message', listener);
  });

/** Sends the report, then exits once it has left. */
export const reportAndExit = (message: unknown): void => {
  if (process.send === undefined) process.exit(1);
  process.send(message, () => process.exit(0));
};

export const dieLoudly = (error: unknown): void => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
};
