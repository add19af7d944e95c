import * as TE from 'fp-ts/TaskEither';
import type { StoreError, Subscription, SubscriptionMessage } from './port';

/**
 * The life of a store and of its subscriptions, kept in one place so that every store closes
 * the same way: after `close()` each call answers `closedStoreError`, a new subscription says
 * only `dropped` with that error, and the subscriptions still open end without `dropped` and
 * deliver nothing more.
 */
export type StoreLifecycle = Readonly<{
  /** Runs `task` only while the store is open: checked when the task runs, not when it is built. */
  whenOpen<A>(task: () => TE.TaskEither<StoreError, A>): TE.TaskEither<StoreError, A>;
  /** Opens a subscription (unless the store is closed) and closes it with the store. */
  track(open: () => Subscription): Subscription;
  /** Closes the open subscriptions, then releases the store's resources; once, however often it is called. */
  close(): Promise<void>;
}>;

/** `Unavailable`, as for a server that cannot be reached: the store serves no more calls. */
export const closedStoreError = (storeName: string): StoreError => ({ kind: 'Unavailable', message: `the ${storeName} is closed` });

/** `release` frees what the store holds (a file, a client); it must not reject. */
export const createStoreLifecycle = (storeName: string, release: () => Promise<void>): StoreLifecycle => {
  const open = new Set<Subscription>();
  let closing: Promise<void> | undefined;

  const closeStore = async (): Promise<void> => {
    await Promise.all([...open].map((subscription) => subscription.close()));
    await release();
  };

  return {
    whenOpen: (task) => () => (closing === undefined ? task()() : TE.left(closedStoreError(storeName))()),
    track: (openSubscription) => {
      if (closing !== undefined) return droppedSubscription(closedStoreError(storeName));
      const subscription = guardedSubscription(openSubscription(), () => open.delete(subscription));
      open.add(subscription);
      return subscription;
    },
    close: () => (closing ??= closeStore()),
  };
};

const finished: IteratorResult<SubscriptionMessage> = { done: true, value: undefined };

/**
 * A subscription that answers one `dropped` message, for a request that cannot be served; closed
 * before it is read, it says nothing, as any closed subscription.
 */
export const droppedSubscription = (error: StoreError): Subscription => {
  let done = false;
  const iterator: AsyncIterator<SubscriptionMessage> = {
    next: async () => {
      if (done) return finished;
      done = true;
      return { done: false, value: { kind: 'dropped', error } };
    },
  };
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      done = true;
    },
  };
};

/**
 * Wraps an adapter's subscription so that, once closed (by its reader, by a `break`, or with
 * the store), nothing more is delivered whatever the adapter still had in hand, and so that
 * the store forgets it when it closes or ends by itself.
 */
const guardedSubscription = (inner: Subscription, forget: () => void): Subscription => {
  let closed = false;
  let innerIterator: AsyncIterator<SubscriptionMessage> | undefined;
  const iteratorOfInner = (): AsyncIterator<SubscriptionMessage> => (innerIterator ??= inner[Symbol.asyncIterator]());

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    forget();
    await inner.close();
  };

  const iterator: AsyncIterator<SubscriptionMessage> = {
    next: async () => {
      if (closed) return finished;
      const result = await iteratorOfInner().next();
      if (result.done === true) forget();
      return closed ? finished : result;
    },
    // Called by `break` in a for-await loop: leaving the loop must not leak a live follower.
    return: async () => {
      await close();
      await innerIterator?.return?.();
      return finished;
    },
  };

  return { [Symbol.asyncIterator]: () => iterator, close };
};
