import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { CommandResult } from '@ssp/commands';
import type { JsonObject } from '@ssp/eventstore';
import {
  isHandlerReply,
  isReactorReport,
  storeArgument,
  type HandlerRequest,
  type ReactorReport,
  type ReactorRequest,
  type StoreLocation,
} from './protocol';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/**
 * One plain Node process with tsx loaded in it, not the tsx CLI (which would add a parent
 * process: SIGKILL must hit the process that holds the store).
 */
const forkScript = (script: string, args: readonly string[]): Readonly<{ child: ChildProcess; exited: Promise<number | NodeJS.Signals | null> }> => {
  const child = fork(resolve(__dirname, script), [...args], { cwd: WORKSPACE_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // A send to a child that was just killed fails with an 'error' event, which unheard would
  // crash the parent; the exit is what the caller learns of instead.
  child.on('error', () => undefined);
  // Listening from the start: 'exit' may come before anyone asks for it.
  const exited = new Promise<number | NodeJS.Signals | null>((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? signal)));
  return { child, exited };
};

/** Rejects with the child's own message when it says it cannot start, or exits first. */
const readiness = (child: ChildProcess, exited: Promise<unknown>, isReady: (message: unknown) => boolean, failure: (message: unknown) => string | undefined) =>
  new Promise<void>((resolveReady, reject) => {
    const onMessage = (message: unknown): void => {
      const failed = failure(message);
      if (failed !== undefined) reject(new Error(failed));
      else if (isReady(message)) resolveReady();
    };
    child.on('message', onMessage);
    void exited.then((how) => reject(new Error(`the process exited before it was ready (${String(how)})`)));
  });

/** A running handler process: `send` runs one command there and answers the handler's result. */
export type HandlerProcess = Readonly<{
  pid: number;
  send: (command: JsonObject) => Promise<CommandResult>;
  /** Commands sent and not yet answered. */
  inFlight: () => number;
  stop: () => Promise<void>;
  /** SIGKILL: commands in flight are never answered (their promises stay pending). */
  kill: () => Promise<void>;
}>;

export const startHandlerProcess = async (location: StoreLocation): Promise<HandlerProcess> => {
  const { child, exited } = forkScript('handler-process.ts', [storeArgument(location)]);
  const pending = new Map<number, (result: CommandResult) => void>();
  let nextRequestId = 0;
  child.on('message', (message: unknown) => {
    if (!isHandlerReply(message) || message.kind !== 'result') return;
    pending.get(message.requestId)?.(message.result);
    pending.delete(message.requestId);
  });
  await readiness(
    child,
    exited,
    (message) => isHandlerReply(message) && message.kind === 'ready',
    (message) => (isHandlerReply(message) && message.kind === 'failed' ? message.message : undefined),
  );
  const request = (message: HandlerRequest): void => {
    child.send(message);
  };
  return {
    pid: child.pid ?? -1,
    send: (command) =>
      new Promise<CommandResult>((resolveResult) => {
        nextRequestId += 1;
        pending.set(nextRequestId, resolveResult);
        request({ kind: 'command', requestId: nextRequestId, command });
      }),
    inFlight: () => pending.size,
    stop: async () => {
      if (child.connected) request({ kind: 'stop' });
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
};

/** A running reactor process, and every report it has sent so far. */
export type ReactorProcess = Readonly<{
  pid: number;
  /** How the process ended: its exit code or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  reports: () => readonly ReactorReport[];
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}>;

export const startReactorProcess = async (
  location: StoreLocation,
  group: string,
  deliveriesPath: string,
  options: Readonly<{ crashAfterSends?: number }> = {},
): Promise<ReactorProcess> => {
  const crash = options.crashAfterSends === undefined ? [] : [`crash-after-sends=${options.crashAfterSends}`];
  const { child, exited } = forkScript('reactor-process.ts', [storeArgument(location), group, deliveriesPath, ...crash]);
  const reports: ReactorReport[] = [];
  child.on('message', (message: unknown) => {
    if (isReactorReport(message)) reports.push(message);
  });
  await readiness(
    child,
    exited,
    (message) => isReactorReport(message) && message.kind === 'ready',
    (message) => (isReactorReport(message) && message.kind === 'failed' ? message.message : undefined),
  );
  return {
    pid: child.pid ?? -1,
    exited,
    reports: () => [...reports],
    stop: async () => {
      const stop: ReactorRequest = { kind: 'stop' };
      if (child.connected) child.send(stop);
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
};
