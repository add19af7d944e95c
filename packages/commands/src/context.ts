import * as E from 'fp-ts/Either';
import {
  authorisePortalChange,
  domainError,
  roleOf,
  type AccountState,
  type ClaimRequest,
  type Actor,
  type Command,
  type DomainError,
  type Policy,
  type PortalContext,
  type RecordedActor,
  type UserDevicesState,
} from '@ssp/domain';
import type { EventStore, StoreError } from '@ssp/eventstore';
import {
  accountKind,
  applicationKind,
  phoneNumberClaimKind,
  portalSessionKind,
  userDevicesKind,
} from './aggregates';
import type { AppendFailure, AppendContext } from './appender';
import type { AppendedEvent, CommandError } from './result';
import { createStreamLoader, type LoadError, type StreamLoader, type StreamSnapshot } from './stream-loader';

export const createLoaders = (store: EventStore, capacity?: number) => ({
  account: createStreamLoader(store, accountKind, capacity),
  application: createStreamLoader(store, applicationKind, capacity),
  user: createStreamLoader(store, userDevicesKind, capacity),
  session: createStreamLoader(store, portalSessionKind, capacity),
  claim: createStreamLoader(store, phoneNumberClaimKind, capacity),
});

export type Loaders = ReturnType<typeof createLoaders>;

/** Test seams: called between the two appends of a claimed enrollment. */
export type Hooks = Readonly<{ betweenClaimAndEnrollment?: () => Promise<void> }>;

/** What the attempts at one command remember across retries: the claim made, and its events for the result. */
export type CommandTrace = { claimed?: ClaimRequest; claimEvents?: readonly AppendedEvent[] };

/** What one attempt at a command works with. `now` is fixed for the whole attempt. */
export type Attempt = Readonly<{
  store: EventStore;
  loaders: Loaders;
  now: string;
  newId: () => string;
  policy: Policy;
  claimLeaseSeconds: number;
  hooks: Hooks;
  trace: CommandTrace;
  /** The digest of the command being handled (see `commandDigest`), recorded with its events. */
  commandDigest: string;
}>;

/** An attempt ends with the events appended, a refusal, or a conflict to decide again. */
export type Outcome = E.Either<CommandError | AppendFailure, readonly AppendedEvent[]>;

export const refused = (error: DomainError): Outcome => E.left(error);

/**
 * A different command under an id its stream already recorded. Answered only once the rules
 * have accepted this actor for this command, so that an actor they would refuse (a stranger to
 * the account, a read-only administrator) learns nothing about which ids exist.
 */
export const idempotencyKeyReused = (command: Command): Outcome =>
  E.left({
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: `commandId ${command.commandId} was already used for a different command on this stream; send each command with a new commandId, and a retry with the same body`,
  });
export const succeeded = (events: readonly AppendedEvent[]): Outcome => E.right(events);

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

/** Loads a stream, turning a store failure into the command's failure. */
export const loadOrFail = async <S>(
  loader: StreamLoader<S>,
  streamName: string,
): Promise<E.Either<CommandError, StreamSnapshot<S>>> =>
  E.mapLeft(storeFailure)(await loader.load(streamName));

/**
 * The actor as history records it: an administrator with the role the account's history
 * gives them now; a user with their session and, for a device change, the step-up that
 * authorised it (or the first-device exemption).
 */
export const recordActor = (
  actor: Actor,
  account: AccountState,
  portal?: Readonly<{ user: UserDevicesState; context: PortalContext; targetUserId: string; allowFirstDevice: boolean }>,
): E.Either<CommandError, RecordedActor> => {
  switch (actor.kind) {
    case 'admin': {
      const role = roleOf(account, actor.adminId);
      return role === undefined
        ? E.left(domainError('NOT_FOUND', 'account not found'))
        : E.right({ kind: 'admin', adminId: actor.adminId, role });
    }
    case 'user': {
      const base = { kind: 'user' as const, userId: actor.userId, ...(actor.sessionId === undefined ? {} : { sessionId: actor.sessionId }) };
      if (portal === undefined) return E.right(base);
      const authorised = authorisePortalChange(actor, portal.targetUserId, portal.user, portal.context, portal.allowFirstDevice);
      if (E.isLeft(authorised)) return authorised;
      const { stepUp, firstDevice } = authorised.right;
      return E.right({ ...base, ...(stepUp === undefined ? {} : { stepUp }), ...(firstDevice === true ? { firstDevice } : {}) });
    }
    case 'authenticator':
    case 'system':
      return E.right(actor);
  }
};

export const appendContext = (attempt: Attempt, command: Command, actor: RecordedActor): AppendContext => ({
  store: attempt.store,
  now: attempt.now,
  newId: attempt.newId,
  command,
  commandDigest: attempt.commandDigest,
  actor,
});
