import * as E from 'fp-ts/Either';
import type { EventFilter, RecordedEvent, StoreError, Subscription, SubscriptionMessage } from '@ssp/eventstore';
import type { NewsFeed } from './news-feed';

export type SubscriptionSource = Readonly<{
  /** Up to `pageSize` events strictly after `afterSequence`, in global order. */
  readPageAfter(afterSequence: bigint, filter: EventFilter | undefined): E.Either<StoreError, readonly RecordedEvent[]>;
  /** Position of the last event in the store (0 when empty). */
  lastSequence(): E.Either<StoreError, bigint>;
  news: NewsFeed;
  pageSize: number;
  /** How often to look for events appended by other processes. */
  pollIntervalMs: number;
}>;

/** Transient read failures (`Unavailable`, e.g. a lock held past busy_timeout) are retried this often. */
const READ_ATTEMPTS = 5;

/**
 * Catch-up then live delivery by paging forward from the last delivered position. Because
 * positions are assigned in commit order (see reads.ts), "everything after the last position
 * I delivered" is always exactly the events not yet delivered: no gaps, no repeats, whether
 * the appends came from this process (announced on the news feed) or another one (found by
 * the next poll).
 *
 * `caughtUp` is sent once everything up to the store's last position at the moment of
 * subscribing has been delivered, before any event appended after that moment.
 */
export const openPollingSubscription = (
  source: SubscriptionSource,
  startAfter: bigint,
  filter: EventFilter | undefined,
  onClose: () => void,
): Subscription => {
  const historyEnd = source.lastSequence();
  let closed = false;
  let wakeSleeper: () => void = () => undefined;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    wakeSleeper();
    onClose();
  };

  /** Resolves on news, after `ms`, or on close; at once if news came since `seenGeneration`. */
  const sleep = (seenGeneration: number, ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (closed || source.news.generation() !== seenGeneration) {
        resolve();
        return;
      }
      const finish = (): void => {
        clearTimeout(timer);
        stopListening();
        wakeSleeper = () => undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      const stopListening = source.news.onNextNews(finish);
      wakeSleeper = finish;
    });

  const readPage = async (after: bigint): Promise<E.Either<StoreError, readonly RecordedEvent[]>> => {
    for (let attempt = 1; ; attempt += 1) {
      const page = source.readPageAfter(after, filter);
      if (E.isRight(page) || page.left.kind !== 'Unavailable' || attempt >= READ_ATTEMPTS || closed) return page;
      await sleep(source.news.generation(), source.pollIntervalMs * attempt);
    }
  };

  async function* deliver(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    try {
      if (closed) return;
      if (E.isLeft(historyEnd)) {
        yield { kind: 'dropped', error: historyEnd.left };
        return;
      }
      let after = startAfter;
      let caughtUpSent = false;
      while (!closed) {
        const generation = source.news.generation();
        const page = await readPage(after);
        if (closed) return;
        if (E.isLeft(page)) {
          yield { kind: 'dropped', error: page.left };
          return;
        }
        for (const event of page.right) {
          if (!caughtUpSent && event.position.commit > historyEnd.right) {
            caughtUpSent = true;
            yield { kind: 'caughtUp' };
            if (closed) return;
          }
          yield { kind: 'event', event };
          after = event.position.commit;
          if (closed) return;
        }
        if (page.right.length < source.pageSize) {
          if (!caughtUpSent) {
            caughtUpSent = true;
            yield { kind: 'caughtUp' };
            if (closed) return;
          }
          await sleep(generation, source.pollIntervalMs);
        }
      }
    } finally {
      // Reached by close(), by `dropped`, and by a consumer leaving its for-await loop
      // (which calls return()): in every case the subscription stops polling for good.
      await close();
    }
  }

  // One iterator per subscription: iterating it twice must not deliver events twice.
  const messages = deliver();
  return {
    [Symbol.asyncIterator]: () => messages,
    close,
  };
};
