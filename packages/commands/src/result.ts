import type { ErrorCode } from '@ssp/domain';
import type { JsonObject, StoreError } from '@ssp/eventstore';
import type { LoadError } from './stream-loader';

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

/** A store's failure as the command's: the caller retries an unavailable store; an operator mends the rest. */
export const storeFailure = (error: LoadError | StoreError): CommandError => {
  switch (error.kind) {
    case 'Unavailable':
      return { code: 'STORE_UNAVAILABLE', message: error.message };
    case 'WrongExpectedRevision':
      return { code: 'CONCURRENCY_CONFLICT', message: `${error.streamName} changed while the command was decided` };
    case 'Undecodable':
      return { code: 'STORE_FAILURE', message: `history cannot be read: ${error.message}` };
    case 'AppendTooLarge':
    case 'Failure':
      return { code: 'STORE_FAILURE', message: error.message };
  }
};
