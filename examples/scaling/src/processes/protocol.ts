import type { CommandResult } from '@ssp/commands';
import type { JsonObject } from '@ssp/eventstore';

/**
 * The IPC protocol of the two process scripts beside this file, for the multi-process test and
 * for anything else that drives them (a benchmark). Both are started with Node's `fork` and
 * `--import tsx` (see fork.ts), talk over the IPC channel in JSON, and take their store as
 * their first argument:
 *
 *   handler-process.ts <store>
 *   reactor-process.ts <store> <group> <deliveries-file>
 *
 * `<store>` is `sqlite:<path>` (one SQLite file shared by every process) or an EventStoreDB
 * connection string (`esdb://…` or `esdb+discover://…`).
 */

/** Where every process finds the one store they share. */
export type StoreLocation = Readonly<{ kind: 'sqlite'; path: string }> | Readonly<{ kind: 'eventstoredb'; connectionString: string }>;

export const storeArgument = (location: StoreLocation): string =>
  location.kind === 'sqlite' ? `sqlite:${location.path}` : location.connectionString;

export const parseStoreArgument = (argument: string): StoreLocation | undefined => {
  if (argument.startsWith('sqlite:')) {
    const path = argument.slice('sqlite:'.length);
    return path === '' ? undefined : { kind: 'sqlite', path };
  }
  return /^esdb(\+discover)?:\/\//.test(argument) ? { kind: 'eventstoredb', connectionString: argument } : undefined;
};

// ---- handler-process.ts -------------------------------------------------------------------

/**
 * To a handler process: run one command (the contract's JSON envelope) through
 * `createCommandHandler`; `requestId` is the caller's, echoed in the answer, so that many
 * commands may be in flight at once. `stop` closes the store and ends the process.
 */
export type HandlerRequest = Readonly<{ kind: 'command'; requestId: number; command: JsonObject }> | Readonly<{ kind: 'stop' }>;

/**
 * From a handler process: `ready` once, when the store is open; then one `result` per command,
 * in the order they finish (the handler's own result: the events appended, or a refusal code);
 * `failed` when the store cannot be opened, before the process exits with code 1.
 */
export type HandlerReply =
  | Readonly<{ kind: 'ready'; pid: number }>
  | Readonly<{ kind: 'result'; requestId: number; result: CommandResult }>
  | Readonly<{ kind: 'failed'; message: string }>;

// ---- reactor-process.ts -------------------------------------------------------------------

/** To a reactor process: leave the group (the event in hand is finished first), close, exit. */
export type ReactorRequest = Readonly<{ kind: 'stop' }>;

/**
 * From a reactor process: `ready` once its worker has started (it creates the group if
 * missing, then joins it); `settled` for each event it
 * settled (`ack`, `retry` or `park`); `stopped` when the worker ended (with the reason if it
 * was dropped); `failed` when the store or the deliveries file cannot be opened.
 */
export type ReactorReport =
  | Readonly<{ kind: 'ready'; pid: number }>
  | Readonly<{ kind: 'settled'; eventId: string; eventType: string; action: 'ack' | 'retry' | 'park'; reason?: string }>
  | Readonly<{ kind: 'stopped'; error?: string }>
  | Readonly<{ kind: 'failed'; message: string }>;

/** The worker settings every reactor of a run uses; whoever creates the group first should use them too. */
export const REACTOR_MESSAGE_TIMEOUT_MS = 3_000;
export const REACTOR_MAX_RETRY_COUNT = 20;

const isObjectWithKind = (message: unknown): message is Readonly<{ kind: unknown }> =>
  typeof message === 'object' && message !== null && 'kind' in message;

export const isHandlerRequest = (message: unknown): message is HandlerRequest =>
  isObjectWithKind(message) &&
  (message.kind === 'stop' ||
    (message.kind === 'command' && 'requestId' in message && typeof message.requestId === 'number' && 'command' in message && typeof message.command === 'object'));

export const isHandlerReply = (message: unknown): message is HandlerReply =>
  isObjectWithKind(message) && (message.kind === 'ready' || message.kind === 'result' || message.kind === 'failed');

export const isReactorRequest = (message: unknown): message is ReactorRequest => isObjectWithKind(message) && message.kind === 'stop';

export const isReactorReport = (message: unknown): message is ReactorReport =>
  isObjectWithKind(message) && ['ready', 'settled', 'stopped', 'failed'].includes(String(message.kind));
