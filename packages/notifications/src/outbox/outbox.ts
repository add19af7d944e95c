import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import { describeValidationError } from '@ssp/domain';
import { chainEvents, storedHashOf, toJsonObject, type EventStore, type JsonObject, type RecordedEvent, type StoreError } from '@ssp/eventstore';
import type { Notice } from '../notices/notice';
import { evolveNotificationStatus, NotificationEvent, notificationStream, type NotificationQueued, type NotificationSent, type NotificationStatus } from './events';

export type OutboxError =
  | Readonly<{ kind: 'Store'; error: StoreError }>
  | Readonly<{ kind: 'Undecodable'; streamName: string; revision: bigint; message: string }>;

export type OutboxDependencies = Readonly<{ store: EventStore; now: () => string; newId: () => string }>;

/**
 * A notice's stream as it stands. `QUEUED` carries the hash to chain the next event to;
 * a queued notice may already have been sent (a worker that stopped before recording it):
 * sending it again with the same idempotency key is what makes that harmless.
 */
export type OutboxEntry = Readonly<{ status: 'QUEUED'; lastHash: string | undefined }> | Readonly<{ status: 'SENT' }>;

/** The stored domain event behind the notice: outbox events are traced to it like any event to its command. */
export type Cause = Pick<RecordedEvent, 'eventId' | 'metadata'>;

const storeError = (error: StoreError): OutboxError => ({ kind: 'Store', error });

const textIn = (metadata: JsonObject, field: string): string | undefined => {
  const value = metadata[field];
  return typeof value === 'string' ? value : undefined;
};

/** The contract's metadata for an event the system writes because of `cause`. */
const metadataFor = (deps: OutboxDependencies, eventId: string, cause: Cause): JsonObject => {
  const commandId = textIn(cause.metadata, 'commandId');
  return toJsonObject({
    eventId,
    ...(commandId === undefined ? {} : { commandId }),
    correlationId: textIn(cause.metadata, 'correlationId') ?? commandId ?? cause.eventId,
    causationId: cause.eventId,
    occurredAt: deps.now(),
    schemaVersion: 1,
    actor: { kind: 'system' },
  });
};

const lastHashOf = (events: ReadonlyArray<Readonly<{ metadata: JsonObject }>>): string | undefined => {
  const last = events[events.length - 1];
  return last === undefined ? undefined : storedHashOf(last.metadata);
};

const statusOf = (recorded: readonly RecordedEvent[]): E.Either<OutboxError, NotificationStatus> => {
  let status: NotificationStatus = 'NONE';
  for (const event of recorded) {
    const decoded = NotificationEvent.decode({ type: event.type, data: event.data });
    if (E.isLeft(decoded)) {
      const message = decoded.left.map((error) => describeValidationError(error)).join('; ');
      return E.left({ kind: 'Undecodable', streamName: event.streamName, revision: event.revision, message });
    }
    status = evolveNotificationStatus(status, decoded.right);
  }
  return E.right(status);
};

/** Reads a notice's stream: where it stands, and the hash the next event chains to. */
export const readOutboxEntry = (store: EventStore, noticeId: string): TE.TaskEither<OutboxError, OutboxEntry> =>
  pipe(
    store.readStream(notificationStream(noticeId)),
    TE.mapLeft(storeError),
    TE.chainEitherK((recorded) =>
      pipe(
        statusOf(recorded),
        E.map((status): OutboxEntry => (status === 'SENT' ? { status } : { status: 'QUEUED', lastHash: lastHashOf(recorded) })),
      ),
    ),
  );

/**
 * Records the notice as queued, once: the stream must not exist yet. If it does, another
 * worker (or an earlier attempt) queued it first, and its stream says where it stands.
 */
export const queueNotice = (deps: OutboxDependencies, notice: Notice, cause: Cause): TE.TaskEither<OutboxError, OutboxEntry> => {
  const queued: NotificationQueued = { type: 'NotificationQueued', data: { ...notice, queuedAt: deps.now() } };
  const eventId = deps.newId();
  const records = chainEvents(undefined, [{ eventId, type: queued.type, data: toJsonObject(queued.data), metadata: metadataFor(deps, eventId, cause) }]);
  const streamName = notificationStream(notice.noticeId);
  return async () => {
    const appended = await deps.store.appendToStream(streamName, records, { expectedRevision: 'NO_STREAM' })();
    if (E.isRight(appended)) return E.right({ status: 'QUEUED', lastHash: lastHashOf(records) });
    if (appended.left.kind === 'WrongExpectedRevision') return readOutboxEntry(deps.store, notice.noticeId)();
    return E.left(storeError(appended.left));
  };
};

/**
 * Records the notice as sent, after the queued event. A conflict means another worker recorded
 * it already (nothing else is ever written second): the outcome wanted, so not an error.
 */
export const recordSent = (deps: OutboxDependencies, notice: Notice, queuedHash: string | undefined, cause: Cause): TE.TaskEither<OutboxError, void> => {
  const sent: NotificationSent = { type: 'NotificationSent', data: { noticeId: notice.noticeId, sentAt: deps.now() } };
  const eventId = deps.newId();
  const records = chainEvents(queuedHash, [{ eventId, type: sent.type, data: toJsonObject(sent.data), metadata: metadataFor(deps, eventId, cause) }]);
  return async () => {
    const appended = await deps.store.appendToStream(notificationStream(notice.noticeId), records, { expectedRevision: 0n })();
    if (E.isRight(appended) || appended.left.kind === 'WrongExpectedRevision') return E.right(undefined);
    return E.left(storeError(appended.left));
  };
};
