import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import { describeValidationError, EventMetadata, readDomainEvent, type UndecodableEvent } from '@ssp/domain';
import type { EventStore, RecordedEvent, StoreError } from '@ssp/eventstore';
import { v4 as uuidv4 } from 'uuid';
import type { Notice } from './notices/notice';
import { noticeEventTypes, noticesFor, type NoticeSource } from './notices/notices-for';
import { queueNotice, recordSent, type Cause, type OutboxDependencies } from './outbox/outbox';
import { factsFor } from './recipients/facts';
import type { NotificationSender, SendError } from './sender/port';

export type ReactDependencies = Readonly<{
  store: EventStore;
  sender: NotificationSender;
  /** The time written on outbox events; defaults to the system clock. */
  now?: () => string;
  /** Ids of outbox events; defaults to random UUIDs. */
  newId?: () => string;
}>;

/** Why an event's notices are not all recorded sent: the event must be handled again, or set aside. */
export type ReactError =
  | Readonly<{ kind: 'Store'; error: StoreError }>
  | Readonly<{ kind: 'Undecodable'; streamName: string; revision: bigint; message: string }>
  | Readonly<{ kind: 'Send'; noticeId: string; error: SendError }>;

/** What handling one event did: its notices, those sent now, and those found already sent. */
export type ReactReport = Readonly<{ notices: number; sent: number; alreadySent: number }>;

const isNoticeEventType = (type: string): boolean => noticeEventTypes.some((noticeType) => noticeType === type);

/** The event with the identity, time and actor its metadata records: a notice never guesses them. */
const sourceOf = (recorded: RecordedEvent, event: NoticeSource['event']): E.Either<ReactError, NoticeSource> => {
  const metadata = EventMetadata.is(recorded.metadata) ? E.right(recorded.metadata) : EventMetadata.decode(recorded.metadata);
  if (E.isLeft(metadata)) {
    const message = metadata.left.map((error) => describeValidationError(error, 'metadata')).join('; ');
    return E.left({ kind: 'Undecodable', streamName: recorded.streamName, revision: recorded.revision, message: `${recorded.type} at ${recorded.streamName}@${recorded.revision}: ${message}` });
  }
  return E.right({ eventId: recorded.eventId, occurredAt: metadata.right.occurredAt, actor: metadata.right.actor, event });
};

const undecodable = (error: UndecodableEvent): ReactError => ({ kind: 'Undecodable', streamName: error.streamName, revision: error.revision, message: error.message });

/**
 * One notice, exactly once in effect: queue it (unless queued already), send it with its id as
 * the idempotency key (unless recorded sent), then record it sent. Stopping anywhere leaves
 * a state from which doing it all again reaches the same end, without a second delivery.
 */
const deliverOnce = async (
  outbox: OutboxDependencies,
  sender: NotificationSender,
  notice: Notice,
  cause: Cause,
): Promise<E.Either<ReactError, 'sent' | 'alreadySent'>> => {
  const entry = await queueNotice(outbox, notice, cause)();
  if (E.isLeft(entry)) return E.left(entry.left);
  if (entry.right.status === 'SENT') return E.right('alreadySent');
  const sent = await sender.send(notice, notice.noticeId)();
  if (E.isLeft(sent)) return E.left({ kind: 'Send', noticeId: notice.noticeId, error: sent.left });
  const recorded = await recordSent(outbox, notice, entry.right.lastHash, cause)();
  return E.isLeft(recorded) ? E.left(recorded.left) : E.right('sent');
};

/**
 * The exactly-once-in-effect step for one stored domain event: its notices, each queued in the
 * outbox, sent, and recorded sent. Succeeds only when every notice is recorded sent, so that
 * the event may then be acknowledged; any failure leaves it to be handled again (or parked).
 * Events that cause no notice succeed at once, without reading anything.
 */
export const reactTo =
  (dependencies: ReactDependencies) =>
  (recorded: RecordedEvent): TaskEither<ReactError, ReactReport> =>
  async () => {
    if (!isNoticeEventType(recorded.type)) return E.right({ notices: 0, sent: 0, alreadySent: 0 });
    const event = readDomainEvent(recorded);
    if (E.isLeft(event)) return E.left(undecodable(event.left));
    const source = sourceOf(recorded, event.right);
    if (E.isLeft(source)) return source;
    const facts = await factsFor(dependencies.store, recorded, event.right)();
    if (E.isLeft(facts)) return E.left(facts.left.kind === 'Store' ? facts.left : undecodable(facts.left));
    const notices = noticesFor(source.right, facts.right);
    const outbox: OutboxDependencies = {
      store: dependencies.store,
      now: dependencies.now ?? (() => new Date().toISOString()),
      newId: dependencies.newId ?? uuidv4,
    };
    let sent = 0;
    let alreadySent = 0;
    // One after another: a failure stops before the rest, which the next attempt will finish.
    for (const notice of notices) {
      const delivered = await deliverOnce(outbox, dependencies.sender, notice, recorded);
      if (E.isLeft(delivered)) return delivered;
      if (delivered.right === 'sent') sent += 1;
      else alreadySent += 1;
    }
    return E.right({ notices: notices.length, sent, alreadySent });
  };
