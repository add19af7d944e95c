import * as E from 'fp-ts/Either';
import { EventMetadata, readDomainEvent } from '@ssp/domain';
import { pagesAfter, type EventStore, type JsonObject, type ReadModelStore, type RecordedEvent } from '@ssp/eventstore';
import { factsFor, noticeEventTypes, noticesFor, notificationStream, type Notice } from '@ssp/notifications';

/**
 * What the multi-process test checks at the end, computed from the store alone: the final log,
 * the notices it calls for, the outbox, and the documents of a read-model store. None of it
 * trusts what the workers say they did.
 */

/** A store's failure as an exception: in a test, the clearest way to stop and say why. */
const rightOf = <A>(result: E.Either<unknown, A>, what: string): A => {
  if (E.isLeft(result)) throw new Error(`${what}: ${JSON.stringify(result.left)}`);
  return result.right;
};

/** The whole log, in global order. */
export const readLog = async (store: EventStore): Promise<readonly RecordedEvent[]> => {
  const log: RecordedEvent[] = [];
  for await (const page of pagesAfter(store, 'start', 500)) log.push(...rightOf(page, 'reading the log'));
  return log;
};

export const commandIdOf = (event: RecordedEvent): string | undefined => {
  const commandId = event.metadata['commandId'];
  return typeof commandId === 'string' ? commandId : undefined;
};

const isNoticeEventType = (type: string): boolean => noticeEventTypes.some((noticeType) => noticeType === type);

/**
 * The notices the log calls for: `noticesFor` each event that causes notices, with the facts
 * as of that event, exactly as any worker computes them, but from the final log.
 */
export const noticesCalledFor = async (store: EventStore, log: readonly RecordedEvent[]): Promise<readonly Notice[]> => {
  const notices: Notice[] = [];
  for (const recorded of log.filter((event) => isNoticeEventType(event.type))) {
    const event = rightOf(readDomainEvent(recorded), `decoding ${recorded.type}`);
    const metadata = rightOf(EventMetadata.decode(recorded.metadata), `decoding the metadata of ${recorded.type}`);
    const facts = rightOf(await factsFor(store, recorded, event)(), `the facts of ${recorded.type}`);
    notices.push(...noticesFor({ eventId: recorded.eventId, occurredAt: metadata.occurredAt, actor: metadata.actor, event }, facts));
  }
  return notices;
};

/** The event types of a notice's outbox stream, oldest first. */
export const outboxOf = async (store: EventStore, noticeId: string): Promise<readonly string[]> =>
  rightOf(await store.readStream(notificationStream(noticeId))(), `reading the outbox of ${noticeId}`).map((event) => event.type);

/** Every document of each projection, by id. */
export const documentsOf = async (
  readModels: ReadModelStore,
  projections: readonly string[],
): Promise<Readonly<Record<string, ReadonlyArray<readonly [string, JsonObject]>>>> => {
  const documents: Record<string, ReadonlyArray<readonly [string, JsonObject]>> = {};
  for (const projection of projections) documents[projection] = rightOf(await readModels.list(projection)(), `listing ${projection}`);
  return documents;
};

/** Polls `condition` until it holds; fails after a bound far above what a run needs. */
export const eventually = async (what: string, condition: () => boolean | Promise<boolean>, boundMs = 40_000): Promise<void> => {
  const deadline = Date.now() + boundMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
