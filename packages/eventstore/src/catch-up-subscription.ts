import * as E from 'fp-ts/Either';
import type { NewsFeed } from './news-feed';
import type { EventFilter, RecordedEvent, StoreError, Subscription, SubscriptionMessage } from './port';
import { firstSequenceFrom } from './position';
import type { ValidSubscribeOptions } from './read-options';

/**
 * A store whose positions are `positionOf(sequence)` with sequences 1, 2, 3… assigned in commit
 * order (in memory, SQLite): once a reader has seen sequence n, no event below n can appear
 * later. That is what lets one subscription serve both stores by paging forward.
 */
export type SequencedLog = Readonly<{
  /** Sequence of the last event stored now; 0 when there is none. */
  lastSequence(): E.Either<StoreError, bigint>;
  /** Up to `limit` events matching `filter`, in order, from sequence `first` on. */
  readFrom(first: bigint, filter: EventFilter | undefined, limit: number): E.Either<StoreError, LogPage>;
  /** Moves on every append made through this process. */
  news: NewsFeed;
}>;

export type LogPage = Readonly<{
  events: readonly RecordedEvent[];
  /** The first sequence this read did not look at: where the next read starts. */
  next: bigint;
}>;

export type CatchUpTuning = Readonly<{
  /** Most events read at once. */
  pageSize: number;
  /** How often to look again without news, for appends made by other processes; absent: news only. */
  pollIntervalMs?: number;
}>;

/** Transient read failures (`Unavailable`, e.g. a lock held past SQLite's busy_timeout) are retried this often… */
const READ_ATTEMPTS = 5;
/** …waiting this long times the attempt number when the store does not poll. */
const RETRY_DELAY_MS = 50;

/**
 * Catch-up then live delivery, by paging forward from the next sequence not yet read. Because
 * sequences follow commit order, "everything from the next unread sequence" is exactly what
 * has not been delivered: no gaps, no repeats, whether an append came from this process (it
 * announces itself on the news feed) or another one (found by the next poll).
 *
 * `caughtUp` is sent once everything up to the last sequence at the moment of subscribing
 * has been delivered, before any event appended after that moment. Once closed, the
 * subscription reads nothing more, delivers nothing more and ends without `dropped`.
 */
export const catchUpSubscription = (log: SequencedLog, options: ValidSubscribeOptions, tuning: CatchUpTuning): Subscription => {
  const historyEnd = log.lastSequence();
  let closed = false;
  let wakeSleeper: () => void = () => undefined;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    wakeSleeper();
  };

  /** Resolves on news, after `ms` (if given), or on close; at once if news came since `seenGeneration`. */
  const sleep = (seenGeneration: number, ms: number | undefined): Promise<void> =>
    new Promise((resolve) => {
      if (closed || log.news.generation() !== seenGeneration) {
        resolve();
        return;
      }
      const finish = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        stopListening();
        wakeSleeper = () => undefined;
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(finish, ms);
      const stopListening = log.news.onNextNews(finish);
      wakeSleeper = finish;
    });

  const readPage = async (first: bigint): Promise<E.Either<StoreError, LogPage>> => {
    for (let attempt = 1; ; attempt += 1) {
      const page = log.readFrom(first, options.filter, tuning.pageSize);
      if (E.isRight(page) || page.left.kind !== 'Unavailable' || attempt >= READ_ATTEMPTS || closed) return page;
      await sleep(log.news.generation(), (tuning.pollIntervalMs ?? RETRY_DELAY_MS) * attempt);
    }
  };

  async function* deliver(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    if (closed) return;
    if (E.isLeft(historyEnd)) {
      yield { kind: 'dropped', error: historyEnd.left };
      return;
    }
    let next = firstSequenceFrom(options.after, 'exclusive');
    let caughtUpSent = false;
    // Every `yield` hands control to the reader, who may close the subscription meanwhile:
    // hence the check after each one.
    while (!closed) {
      const generation = log.news.generation();
      const page = await readPage(next);
      if (closed) return;
      if (E.isLeft(page)) {
        yield { kind: 'dropped', error: page.left };
        return;
      }
      for (const event of page.right.events) {
        if (!caughtUpSent && event.position.commit > historyEnd.right) {
          caughtUpSent = true;
          yield { kind: 'caughtUp' };
          if (closed) return;
        }
        yield { kind: 'event', event };
        if (closed) return;
      }
      next = page.right.next;
      if (page.right.events.length < tuning.pageSize) {
        if (!caughtUpSent) {
          caughtUpSent = true;
          yield { kind: 'caughtUp' };
          if (closed) return;
        }
        await sleep(generation, tuning.pollIntervalMs);
      }
    }
  }

  async function* deliverThenStop(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    try {
      yield* deliver();
    } finally {
      // Reached by close(), by `dropped`, and by a reader leaving its for-await loop (which
      // calls return()): in every case the subscription stops waiting for good.
      await close();
    }
  }

  // One iterator per subscription: iterating it twice must not deliver events twice.
  const messages = deliverThenStop();
  return { [Symbol.asyncIterator]: () => messages, close };
};
