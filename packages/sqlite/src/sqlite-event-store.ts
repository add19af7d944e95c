import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import type { EventStore, StoreError, Subscription } from '@ssp/eventstore';
import { prepareAppender } from './append';
import { resolveLocation } from './database';
import type { SqliteDatabase, SqliteLocation } from './database';
import { storeErrorFrom } from './errors';
import { createNewsFeed } from './news-feed';
import type { OpenError } from './open-error';
import { prepareEventReader, sequenceFrom } from './reads';
import { openPollingSubscription } from './subscription';
import type { SubscriptionSource } from './subscription';

export type SqliteEventStoreOptions = SqliteLocation &
  Readonly<{
    /** How often live subscriptions look for events appended by other processes. Default 75 ms. */
    pollIntervalMs?: number;
    /** Events read per query while a subscription catches up. Default 500. */
    subscriptionPageSize?: number;
  }>;

export type SqliteEventStore = EventStore & Readonly<{ database: SqliteDatabase }>;

export const DEFAULT_POLL_INTERVAL_MS = 75;
const DEFAULT_SUBSCRIPTION_PAGE_SIZE = 500;

/** better-sqlite3 is synchronous: each operation runs when the task is started, not before. */
const taskOf =
  <A>(run: () => E.Either<StoreError, A>): TaskEither<StoreError, A> =>
  () =>
    Promise.resolve(run());

/**
 * An `EventStore` over one SQLite file (or `:memory:`). Pass `{ path }` to let the store open
 * and close the file, or `{ database }` to share a connection with a read-model store.
 */
export const openSqliteEventStore = (options: SqliteEventStoreOptions): E.Either<OpenError, SqliteEventStore> => {
  const located = resolveLocation(options);
  if (E.isLeft(located)) return located;
  const { database, owned } = located.right;
  try {
    return E.right(createEventStore(database, owned, options));
  } catch (error) {
    // Statements could not be prepared, e.g. the shared connection is already closed.
    if (owned) database.close();
    return E.left(storeErrorFrom(error, `opening the event store on ${database.path}`));
  }
};

const createEventStore = (
  database: SqliteDatabase,
  ownsDatabase: boolean,
  options: SqliteEventStoreOptions,
): SqliteEventStore => {
  const { connection } = database;
  const append = prepareAppender(connection);
  const reader = prepareEventReader(connection);
  const lastPosition = connection
    .prepare<[], { last: bigint }>('SELECT coalesce(max(position), 0) AS last FROM events')
    .safeIntegers(true);
  const news = createNewsFeed();
  const pageSize = options.subscriptionPageSize ?? DEFAULT_SUBSCRIPTION_PAGE_SIZE;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const openSubscriptions = new Set<Subscription>();
  let closed = false;

  const subscriptionSource: SubscriptionSource = {
    readPageAfter: (after, filter) => reader.readAll(after + 1n, pageSize, filter),
    lastSequence: () => {
      try {
        return E.right(lastPosition.get()?.last ?? 0n);
      } catch (error) {
        return E.left(storeErrorFrom(error, 'reading the last position'));
      }
    },
    news,
    pageSize,
    pollIntervalMs,
  };

  return {
    database,
    readStream: (streamName, readOptions) => taskOf(() => reader.readStream(streamName, readOptions)),
    appendToStream: (streamName, events, { expectedRevision }) =>
      taskOf(() => {
        const result = append(streamName, events, expectedRevision);
        if (E.isRight(result) && events.length > 0) news.announce();
        return result;
      }),
    readAll: (readOptions = {}) =>
      taskOf(() => reader.readAll(sequenceFrom(readOptions.from), readOptions.maxCount, readOptions.filter)),
    subscribeToAll: (subscribeOptions = {}) => {
      const after = subscribeOptions.after;
      const startAfter = after === undefined || after === 'start' ? 0n : after.commit;
      const subscription = openPollingSubscription(subscriptionSource, startAfter, subscribeOptions.filter, () => {
        openSubscriptions.delete(subscription);
      });
      if (closed) void subscription.close();
      else openSubscriptions.add(subscription);
      return subscription;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...openSubscriptions].map((subscription) => subscription.close()));
      if (ownsDatabase) database.close();
    },
  };
};
