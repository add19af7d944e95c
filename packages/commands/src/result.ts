import type { ErrorCode } from '@ssp/domain';
import type { JsonObject } from '@ssp/eventstore';

/**
 * Codes beyond the contract's, for failures of the store rather than of the command:
 * `STORE_UNAVAILABLE` (the store could not be reached) and `STORE_FAILURE` (it refused the
 * write for another reason, or holds an event that cannot be read back), and
 * `IDEMPOTENCY_KEY_REUSED` (a different command under a `commandId` its stream already holds).
 */
export type CommandErrorCode = ErrorCode | 'STORE_UNAVAILABLE' | 'STORE_FAILURE' | 'IDEMPOTENCY_KEY_REUSED';

export type CommandError = Readonly<{ code: CommandErrorCode; message: string }>;

/** An event as the command appended it. Revisions are numbers here: results are JSON. */
export type AppendedEvent = Readonly<{
  streamName: string;
  revision: number;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}>;

export type CommandResult =
  | Readonly<{ ok: true; events: readonly AppendedEvent[] }>
  | Readonly<{ ok: false; error: CommandError }>;
