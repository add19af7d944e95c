import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { TaskEither } from 'fp-ts/TaskEither';
import { catchUpSubscription, createNewsFeed, firstSequenceFrom, guardedEventStore } from '@ssp/eventstore';
import type { EventStore, SequencedLog, StoreError } from '@ssp/eventstore';
import { prepareAppender, type AppendRequest } from './append';
import { createGroupCommit } from './group-commit';
import { resolveLocation } from './database';
import type { SqliteDatabase, SqliteLocation } from './database';
import { readOnlyRefusal, storeErrorFrom } from './errors';
import type { OpenError } from './open-error';
import { prepareEventReader } from './reads';

export type SqliteEventStoreOptions = SqliteLocation &
  Readonly<{
    /** How often live subscriptions look for events appended by other processes. Default 75 ms. */
    pollIntervalMs?: number;
    /** Events read per query while a subscription catches up. Default 500. */
    subscriptionPageSize?: number;
    /**
     * Appends requested together (by commands in flight at once) share one transaction and one
     * commit, each acknowledged after it (see group-commit.ts). Default true; false commits each
     * append on its own, at once.
     */
    groupCommit?: boolean;
    /** The clock that stamps each event's `recorded_at`; the system's by default. */
    clock?: () => Date;
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
  const append = prepareAppender(connection, options.clock);
  const reader = prepareEventReader(connection);
  const lastPosition = connection
    .prepare<[], { last: bigint }>('SELECT coalesce(max(position), 0) AS last FROM events')
    .safeIntegers(true);
  const news = createNewsFeed();
  const announceAppends = (results: ReadonlyArray<E.Either<StoreError, unknown>>, requests: readonly AppendRequest[]): void => {
    if (results.some((result, i) => E.isRight(result) && (requests[i]?.events.length ?? 0) > 0)) news.announce();
  };
  const groupCommit = options.groupCommit === false ? undefined : createGroupCommit(append, announceAppends);
  const tuning = {
    pageSize: options.subscriptionPageSize ?? DEFAULT_SUBSCRIPTION_PAGE_SIZE,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
  };

  // Positions are the rowids of the events table, assigned in commit order (see reads.ts).
  const log: SequencedLog = {
    lastSequence: () => {
      try {
        return E.right(lastPosition.get()?.last ?? 0n);
      } catch (error) {
        return E.left(storeErrorFrom(error, 'reading the last position'));
      }
    },
    readFrom: reader.readFrom,
    news,
  };

  const store = guardedEventStore(
    'SQLite event store',
    {
      readStream: (streamName, readOptions) => taskOf(() => reader.readStream(streamName, readOptions)),
      appendToStream: (streamName, events, { expectedRevision }) => async () => {
        if (database.readOnly) return E.left(readOnlyRefusal(database.path, `append to ${streamName}`));
        const request = { streamName, events, expectedRevision };
        if (groupCommit !== undefined) return groupCommit.append(request);
        const result = append.one(request);
        announceAppends([result], [request]);
        return result;
      },
      readAll: ({ from, maxCount, filter }) =>
        taskOf(() =>
          pipe(
            reader.readFrom(firstSequenceFrom(from, 'inclusive'), filter, maxCount),
            E.map((page) => page.events),
          ),
        ),
      subscribeToAll: (subscribeOptions) => catchUpSubscription(log, subscribeOptions, tuning),
    },
    // A shared connection belongs to whoever opened it.
    async () => {
      // Appends already requested are committed, not dropped, before the file closes.
      groupCommit?.flush();
      if (ownsDatabase) database.close();
    },
  );
  return { ...store, database };
};
