import * as RA from 'fp-ts/ReadonlyArray';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import { catchUpSubscription, type SequencedLog } from '../catch-up-subscription';
import { checkExpectedRevision } from '../expected-revision';
import { guardedEventStore } from '../guarded-store';
import type { AppendResult, EventStore, NewEvent, RecordedEvent, StoreError } from '../port';
import { firstSequenceFrom, positionOf } from '../position';
import { frozenJsonCopy } from './frozen-json';
import { createGlobalLog, readLog } from './global-log';

/** Subscriptions read the log this many events at a time, so that one reader cannot hog the event loop. */
const SUBSCRIPTION_PAGE_SIZE = 256;

/**
 * An `EventStore` held in process memory, for tests and the demo. Positions are 1-based:
 * the first event ever appended is at `positionOf(1n)`, so `positionOf(0n)` sorts before
 * every event. Stored events are frozen copies; nothing a caller holds can alter history.
 */
export const createInMemoryEventStore = (): EventStore => {
  const log = createGlobalLog();
  const streams = new Map<string, RecordedEvent[]>();
  const sequencedLog: SequencedLog = {
    lastSequence: () => E.right(BigInt(log.events.length)),
    readFrom: (first, filter, limit) => E.right(readLog(log, first, filter, limit)),
    news: log.news,
  };

  const record = (streamName: string, firstRevision: bigint, firstSequence: bigint) =>
    (index: number, event: NewEvent): E.Either<StoreError, RecordedEvent> =>
      pipe(
        E.Do,
        E.apS('data', frozenJsonCopy(event.data)),
        E.apS('metadata', frozenJsonCopy(event.metadata)),
        E.map(({ data, metadata }) =>
          Object.freeze({
            eventId: event.eventId,
            type: event.type,
            data,
            metadata,
            streamName,
            revision: firstRevision + BigInt(index),
            position: Object.freeze(positionOf(firstSequence + BigInt(index))),
          }),
        ),
      );

  const append = (streamName: string, events: readonly NewEvent[], stream: readonly RecordedEvent[]) =>
    pipe(
      events,
      RA.traverseWithIndex(E.Applicative)(record(streamName, BigInt(stream.length), BigInt(log.events.length + 1))),
      E.map((recorded): AppendResult => {
        const last = recorded.at(-1) ?? stream.at(-1);
        if (recorded.length > 0) {
          // In place: an append costs its own events, not a copy of the stream (reads hand out slices).
          const existing = streams.get(streamName);
          if (existing === undefined) streams.set(streamName, [...recorded]);
          else for (const event of recorded) existing.push(event);
          log.append(recorded);
        }
        // An empty append writes nothing; its position is only meaningful when the stream has
        // events, and then it is that of the stream's last one.
        return { nextExpectedRevision: last?.revision ?? -1n, position: last?.position ?? positionOf(0n) };
      }),
    );

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
          const actual = stream.at(-1)?.revision ?? 'NO_STREAM';
          return pipe(
            checkExpectedRevision(streamName, expectedRevision, actual),
            E.chain(() => append(streamName, events, stream)),
          );
        }),

      readAll: ({ from, maxCount, filter }) =>
        TE.fromIO(() => readLog(log, firstSequenceFrom(from, 'inclusive'), filter, maxCount).events),

      subscribeToAll: (options) => catchUpSubscription(sequencedLog, options, { pageSize: SUBSCRIPTION_PAGE_SIZE }),
    },
    // Nothing to free: the lifecycle has closed the subscriptions, the memory goes with the store.
    async () => undefined,
  );
};
