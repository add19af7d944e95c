import type { ClaimRequest, Command, Policy } from '@ssp/domain';
import type { EventStore } from '@ssp/eventstore';
import type { Loaders } from './loaders';
import type { AppendedEvent, CommandError } from './result';

/** Test seams: called between the two appends of a claimed enrollment. */
export type Hooks = Readonly<{ betweenClaimAndEnrollment?: () => Promise<void> }>;

/**
 * What one attempt at a command works with: the handler's store, loaders and settings, the
 * digest of the command, and the instant it is decided at (`now`, fixed for the whole attempt,
 * so that every rule and every event of it sees the same time).
 */
export type AttemptInputs = Readonly<{
  store: EventStore;
  loaders: Loaders;
  now: string;
  newId: () => string;
  policy: Policy;
  claimLeaseSeconds: number;
  hooks: Hooks;
  commandDigest: string;
}>;

/** A phone-number claim an attempt appended: the handler gives it back if the command fails in the end. */
export type ClaimMade = Readonly<{ request: ClaimRequest; events: readonly AppendedEvent[] }>;

/**
 * What one attempt came to: the events it appended, a refusal (of the rules or of the store),
 * or a conflict, to be decided again on fresh state. Any of them may carry the claim the attempt
 * made, so that the handler, not the attempt, decides what becomes of it.
 */
export type AttemptResult = (
  | Readonly<{ kind: 'accepted'; events: readonly AppendedEvent[] }>
  | Readonly<{ kind: 'refused'; error: CommandError }>
  | Readonly<{ kind: 'conflict'; streamName: string }>
) &
  Readonly<{ claim?: ClaimMade }>;

export const accepted = (events: readonly AppendedEvent[]): AttemptResult => ({ kind: 'accepted', events });
export const refused = (error: CommandError): AttemptResult => ({ kind: 'refused', error });

/**
 * A different command under an id its stream already recorded. Answered only once the rules
 * have accepted this actor for this command, so that an actor they would refuse (a stranger to
 * the account, a read-only administrator) learns nothing about which ids exist.
 */
export const idempotencyKeyReused = (command: Command): AttemptResult =>
  refused({
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: `commandId ${command.commandId} was already used for a different command on this stream; send each command with a new commandId, and a retry with the same body`,
  });
