import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { catchUpSubscription, type SequencedLog } from '../catch-up-subscription';
import { checkExpectedRevision } from '../expected-revision';
import { guardedEventStore } from '../guarded-store';
import type { AppendResult, EventStore, NewEvent, RecordedEvent, StoreError } from '../port';
import { firstSequenceFrom, positionOf } from '../position';
import { linkInLog } from '../log-chain';
import { frozenJsonCopy } from './frozen-json';
import { createGlobalLog, readLog } from './global-log';

/** Subscriptions read the log this many events at a time, so that one reader cannot hog the event loop. */
const SUBSCRIPTION_PAGE_SIZE = 256;

export type InMemoryEventStoreOptions = Readonly<{
  /** The clock that stamps `recordedAt`; the system's by default. */
  clock?: () => Date;
}>;

/**
 * An `EventStore` held in process memory, for tests and the demo. Positions are 1-based:
 * the first event ever appended is at `positionOf(1n)`, so `positionOf(0n)` sorts before
 * every event. Stored events are frozen copies; nothing a caller holds can alter history.
 * Like the SQLite store, it stamps each event with the time it was recorded and links it into
 * the global chain (`logLink`).
 */
export const createInMemoryEventStore = (options: InMemoryEventStoreOptions = {}): EventStore => {
  const clock = options.clock ?? (() => new Date());
  const log = createGlobalLog();
  const streams = new Map<string, RecordedEvent[]>();
  const sequencedLog: SequencedLog = {
    lastSequence: () => E.right(BigInt(log.events.length)),
    readFrom: (first, filter, limit) => E.right(readLog(log, first, filter, limit)),
    news: log.news,
  };

  // The append path runs for every command: plain loops rather than fp-ts's traverse and Do
  // notation, whose combinators allocate on each call.
  type Placement = Readonly<{ revision: bigint; sequence: bigint; recordedAt: string; previousLogHash: string | undefined }>;
  const record = (streamName: string, event: NewEvent, { revision, sequence, recordedAt, previousLogHash }: Placement): E.Either<StoreError, RecordedEvent> => {
    const data = frozenJsonCopy(event.data);
    if (E.isLeft(data)) return data;
    const metadata = frozenJsonCopy(event.metadata);
    if (E.isLeft(metadata)) return metadata;
    const position = Object.freeze(positionOf(sequence));
    const logLink = Object.freeze(
      linkInLog({ eventId: event.eventId, type: event.type, data: data.right, metadata: metadata.right, streamName, revision, position, recordedAt }, previousLogHash),
    );
    // One object literal with every field: every stored event then has one shape, which keeps
    // reading them fast (an object built by spreading another is slower to read on every load).
    return E.right(
      Object.freeze({ eventId: event.eventId, type: event.type, data: data.right, metadata: metadata.right, streamName, revision, position, recordedAt, logLink }),
    );
  };

  const append = (streamName: string, events: readonly NewEvent[], stream: readonly RecordedEvent[]): E.Either<StoreError, AppendResult> => {
    const recorded: RecordedEvent[] = [];
    const firstRevision = BigInt(stream.length);
    const firstSequence = BigInt(log.events.length + 1);
    const recordedAt = clock().toISOString();
    let previousLogHash = log.events.at(-1)?.logLink?.hash;
    for (const [index, event] of events.entries()) {
      const placement = { revision: firstRevision + BigInt(index), sequence: firstSequence + BigInt(index), recordedAt, previousLogHash };
      const copied = record(streamName, event, placement);
      if (E.isLeft(copied)) return copied;
      recorded.push(copied.right);
      previousLogHash = copied.right.logLink?.hash;
    }
    const last = recorded.at(-1) ?? stream.at(-1);
    if (recorded.length > 0) {
      // In place: an append costs its own events, not a copy of the stream (reads hand out slices).
      const existing = streams.get(streamName);
      if (existing === undefined) streams.set(streamName, recorded);
      else for (const event of recorded) existing.push(event);
      log.append(recorded);
    }
    // An empty append writes nothing; its position is only meaningful when the stream has
    // events, and then it is that of the stream's last one.
    return E.right({ nextExpectedRevision: last?.revision ?? -1n, position: last?.position ?? positionOf(0n) });
  };

  return guardedEventStore(
    'in-memory event store',
    {
      readStream: (streamName, { fromRevision, maxCount }) =>
        TE.fromIO(() => {
          const stream = streams.get(streamName) ?? [];
          const start = fromRevision > BigInt(stream.length) ? stream.length : Number(fromRevision);
          return stream.slice(start, maxCount === undefined ? undefined : start + maxCount);
        }),

      appendToStream: (streamName, events, { expectedRevision }) =>
        TE.fromIOEither(() => {
          const stream = streams.get(streamName) ?? [];
          const checked = checkExpectedRevision(streamName, expectedRevision, stream.at(-1)?.revision ?? 'NO_STREAM');
          return E.isLeft(checked) ? checked : append(streamName, events, stream);
        }),

      readAll: ({ from, maxCount, filter }) =>
        TE.fromIO(() => readLog(log, firstSequenceFrom(from, 'inclusive'), filter, maxCount).events),

      subscribeToAll: (options) => catchUpSubscription(sequencedLog, options, { pageSize: SUBSCRIPTION_PAGE_SIZE }),
    },
    // Nothing to free: the lifecycle has closed the subscriptions, the memory goes with the store.
    async () => undefined,
  );
};
