import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import {
  createNewsFeed,
  deletedGroupError,
  missingGroupError,
  pulledGroupConsumer,
  validBufferSize,
  validGroupName,
  validGroupSettings,
} from '@ssp/eventstore';
import type { ConsumerGroups, GroupDelivery, Pulled, StoreError } from '@ssp/eventstore';
import { readOnlyRefusal, storeErrorFrom } from '../errors';
import type { OpenError } from '../open-error';
import { prepareEventReader } from '../reads';
import { DEFAULT_POLL_INTERVAL_MS, type SqliteEventStore } from '../sqlite-event-store';
import { prepareGroupBook, type GroupBook, type GroupHandle, type Lease } from './group-book';

export type SqliteConsumerGroupsOptions = Readonly<{
  /** How often a consumer with nothing to do looks again (for events, expired leases, retries). Default 75 ms, as the store's subscriptions. */
  pollIntervalMs?: number;
  /** Milliseconds since the epoch, for lease expiries; the system's clock by default. Every process on the file must share it. */
  now?: () => number;
}>;

/**
 * Consumer groups kept in the store's own SQLite file, so that consumers in any number of
 * processes on that file share the work: what a group has taken from the log, leased, retried
 * and parked lives in its tables (schema step 4), and each claim is a `BEGIN IMMEDIATE`
 * transaction. A consumer polls for work every `pollIntervalMs`, and at once when a consumer of
 * this process settles an event. Built on the store's connection, and closed with the store.
 */
export const openSqliteConsumerGroups = (
  store: SqliteEventStore,
  options: SqliteConsumerGroupsOptions = {},
): E.Either<OpenError, ConsumerGroups> => {
  const { database } = store;
  if (database.readOnly) return E.left(readOnlyRefusal(database.path, 'open consumer groups'));
  try {
    const book = prepareGroupBook(database.connection, prepareEventReader(database.connection));
    return E.right(createConsumerGroups(store, book, options));
  } catch (error) {
    return E.left(storeErrorFrom(error, `opening the consumer groups of ${database.path}`));
  }
};

const createConsumerGroups = (store: SqliteEventStore, book: GroupBook, options: SqliteConsumerGroupsOptions): ConsumerGroups => {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const now = options.now ?? Date.now;
  // Settlements in this process wake its waiting consumers at once; other processes' by polling.
  const news = createNewsFeed();

  /** The store's own refusal once closed (a read of nothing checks only that), else `run`. */
  const whenOpen =
    <A>(run: () => E.Either<StoreError, A>): TaskEither<StoreError, A> =>
    async () => {
      const open = await store.readAll({ maxCount: 0 })();
      return E.isLeft(open) ? open : run();
    };

  const existing = (name: string): E.Either<StoreError, GroupHandle> =>
    E.chain((found: GroupHandle | undefined) => (found === undefined ? E.left(missingGroupError(name)) : E.right(found)))(book.find(name));

  const settleWith = async (settle: () => E.Either<StoreError, boolean>): Promise<void> => {
    if (E.isLeft(await store.readAll({ maxCount: 0 })())) return;
    // A settlement that fails (the file locked past busy_timeout) is lost: the lease then
    // expires and the event is delivered again, which at-least-once delivery allows.
    if (E.isRight(settle())) news.announce();
  };

  const join: ConsumerGroups['join'] = (name, joinOptions) => {
    const owner = randomUUID();
    const claimed: Lease[] = [];
    let joined: Readonly<{ group: GroupHandle; bufferSize: number }> | undefined;
    let leaving = false;
    let wake = (): void => undefined;

    const firstPull = async (): Promise<E.Either<StoreError, Readonly<{ group: GroupHandle; bufferSize: number }>>> => {
      const open = await store.readAll({ maxCount: 0 })();
      if (E.isLeft(open)) return open;
      const bufferSize = validBufferSize(joinOptions);
      if (E.isLeft(bufferSize)) return bufferSize;
      return E.map((group: GroupHandle) => ({ group, bufferSize: bufferSize.right }))(existing(name));
    };

    const deliveryOf = (group: GroupHandle, lease: Lease): GroupDelivery => ({
      kind: 'event',
      event: lease.event,
      retryCount: lease.retryCount,
      ack: () => settleWith(() => book.ack(group, owner, lease)),
      nack: (action, reason) => settleWith(() => book.nack(group, owner, lease, action, reason, now())),
    });

    /** Until news, a poll interval, or leaving; at once if news came since `generation`. */
    const pause = (generation: number): Promise<void> =>
      new Promise((resolve) => {
        if (leaving || news.generation() !== generation) return resolve();
        const done = (): void => {
          clearTimeout(timer);
          stopListening();
          wake = () => undefined;
          resolve();
        };
        const timer = setTimeout(done, pollIntervalMs);
        const stopListening = news.onNextNews(done);
        wake = done;
      });

    const pull = async (): Promise<Pulled> => {
      if (joined === undefined) {
        const found = await firstPull();
        if (E.isLeft(found)) return { kind: 'dropped', error: found.left };
        joined = found.right;
      }
      const { group, bufferSize } = joined;
      for (;;) {
        const lease = claimed.shift();
        if (lease !== undefined) return deliveryOf(group, lease);
        // A store closed under a running consumer ends it quietly, as it ends subscriptions.
        if (leaving || E.isLeft(await store.readAll({ maxCount: 0 })()) || leaving) return 'end';
        const generation = news.generation();
        const leases = book.claim(group, owner, bufferSize, now());
        if (E.isRight(leases) && leases.right === 'deleted') return { kind: 'dropped', error: deletedGroupError(name) };
        if (E.isLeft(leases) && leases.left.kind !== 'Unavailable') return { kind: 'dropped', error: leases.left };
        if (E.isRight(leases) && leases.right !== 'deleted' && leases.right.length > 0) claimed.push(...leases.right);
        else await pause(generation);
      }
    };

    const leave = async (): Promise<void> => {
      leaving = true;
      wake();
      // Leased to this consumer but never handed to its reader: back to the group at once.
      const unread = claimed.splice(0);
      if (joined !== undefined && unread.length > 0) {
        const { group } = joined;
        await settleWith(() => {
          for (const lease of unread) book.release(group, owner, lease);
          return E.right(true);
        });
      }
    };

    return pulledGroupConsumer(pull, leave);
  };

  return {
    create: (name, settings) =>
      whenOpen(() => {
        const valid = validGroupSettings(name, settings);
        if (E.isLeft(valid)) return valid;
        const created = book.create(name, valid.right);
        if (E.isRight(created) && created.right === 'created') news.announce();
        return created;
      }),
    join,
    parked: (name) => whenOpen(() => E.chain(book.parked)(existing(name))),
    replayParked: (name) =>
      whenOpen(() => {
        const replayed = E.chain(book.replayParked)(existing(name));
        if (E.isRight(replayed)) news.announce();
        return replayed;
      }),
    delete: (name) =>
      whenOpen(() => {
        const checked = validGroupName(name);
        if (E.isLeft(checked)) return checked;
        const deleted = book.delete(name);
        if (E.isLeft(deleted)) return deleted;
        if (!deleted.right) return E.left(missingGroupError(name));
        news.announce();
        return E.right(undefined);
      }),
  };
};
