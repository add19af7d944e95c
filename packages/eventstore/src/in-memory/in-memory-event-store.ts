import * as RA from 'fp-ts/ReadonlyArray';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as TE from 'fp-ts/TaskEither';
import { checkExpectedRevision } from '../expected-revision';
import type { AppendResult, EventStore, NewEvent, RecordedEvent, StoreError } from '../port';
import { positionOf } from '../position';
import { matchesFilter } from './event-filter';
import { frozenJsonCopy } from './frozen-json';
import { createGlobalLog, indexFrom } from './global-log';
import { subscribeToLog, type LogSubscription } from './log-subscription';
import { validFromRevision, validMaxCount } from './read-options';

/**
 * An `EventStore` held in process memory, for tests and the demo. Positions are 1-based:
 * the first event ever appended is at `positionOf(1n)`, so `positionOf(0n)` sorts before
 * every event. Stored events are frozen copies; nothing a caller holds can alter history.
 */
export const createInMemoryEventStore = (): EventStore => {
  const log = createGlobalLog();
  const streams = new Map<string, RecordedEvent[]>();
  const subscriptions = new Set<LogSubscription>();
  let closed = false;

  const whenOpen = <A>(run: () => E.Either<StoreError, A>): TE.TaskEither<StoreError, A> =>
    async () => (closed ? E.left({ kind: 'Unavailable', message: 'the in-memory event store is closed' }) : run());

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
          streams.set(streamName, [...stream, ...recorded]);
          log.append(recorded);
        }
        // An empty append writes nothing; its position is only meaningful when the stream has
        // events, and then it is that of the stream's last one.
        return { nextExpectedRevision: last?.revision ?? -1n, position: last?.position ?? positionOf(0n) };
      }),
    );

  return {
    readStream: (streamName, options = {}) =>
      whenOpen(() =>
        pipe(
          E.Do,
          E.apS('from', validFromRevision(options.fromRevision)),
          E.apS('maxCount', validMaxCount(options.maxCount)),
          E.map(({ from, maxCount }) => {
            const stream = streams.get(streamName) ?? [];
            const start = from > BigInt(stream.length) ? stream.length : Number(from);
            return stream.slice(start, start + maxCount);
          }),
        ),
      ),

    appendToStream: (streamName, events, { expectedRevision }) =>
      whenOpen(() => {
        const stream = streams.get(streamName) ?? [];
        const actual = stream.at(-1)?.revision ?? 'NO_STREAM';
        return pipe(
          checkExpectedRevision(streamName, expectedRevision, actual),
          E.chain(() => append(streamName, events, stream)),
        );
      }),

    readAll: (options = {}) =>
      whenOpen(() =>
        pipe(
          validMaxCount(options.maxCount),
          E.map((maxCount) => {
            const page: RecordedEvent[] = [];
            for (let index = indexFrom(log.events, options.from, 'inclusive'); index < log.events.length; index += 1) {
              if (page.length >= maxCount) break;
              const event = log.events[index];
              if (event !== undefined && matchesFilter(options.filter, event)) page.push(event);
            }
            return page;
          }),
        ),
      ),

    subscribeToAll: (options = {}) => {
      const subscription = subscribeToLog(log, indexFrom(log.events, options.after, 'exclusive'), options.filter, () =>
        subscriptions.delete(subscription),
      );
      if (closed) void subscription.close();
      else subscriptions.add(subscription);
      return subscription;
    },

    close: async () => {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
    },
  };
};
