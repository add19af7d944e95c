import * as E from 'fp-ts/Either';
import type {
  ClientAppendResult,
  ClientEventData,
  ClientRead,
  ClientReads,
  ClientResolvedEvent,
  ClientSubscription,
  DialectClient,
} from './client-shape';

/**
 * Every call the adapter makes to EventStoreDB answers within a deadline, enforced here by a
 * timer of the adapter's own, because the clients do not enforce theirs:
 *
 * - `@eventstore/db-client` 6 and `@kurrent/kurrentdb-client` 1 open reads, subscriptions and
 *   the BatchAppend stream with `deadline: Infinity`, which overrides both `defaultDeadline`
 *   and a call's `deadline` option (BatchAppend only forwards it to the server, which cannot
 *   act on it when frozen); the Kurrent client's native reader takes no deadline at all;
 * - the ServerFeatures call that precedes the first append on each channel has no deadline,
 *   and every append of the channel waits on its answer;
 * - after keepalive drops a connection, the client opens a new one; a frozen server still
 *   accepts the TCP connection, and grpc-js then waits for its HTTP/2 settings with no
 *   timeout, so calls on the new channel wait until the server wakes up.
 *
 * The timer of each call starts when the adapter makes it, so a call never queues behind an
 * earlier one that hangs.
 */

export const DEFAULT_DEADLINE_MS = 10_000;

/** Node's timers cannot wait longer (about 24.8 days). */
const LONGEST_TIMER_MS = 2_147_483_647;

/** A deadline is a whole, positive number of milliseconds that a timer can wait. */
export const validDeadline = (deadlineMs: number | undefined): E.Either<string, number> => {
  if (deadlineMs === undefined) return E.right(DEFAULT_DEADLINE_MS);
  return Number.isSafeInteger(deadlineMs) && deadlineMs > 0 && deadlineMs <= LONGEST_TIMER_MS
    ? E.right(deadlineMs)
    : E.left(`the EventStoreDB deadline must be a whole number of milliseconds from 1 to ${LONGEST_TIMER_MS}, got ${deadlineMs}`);
};

/**
 * What a call that missed its deadline fails with, in the clients' own manner (a rejection
 * carrying a `type`), so that the adapter's error mapping treats it as `Unavailable`.
 */
export class DeadlineExceeded extends Error {
  readonly type = 'deadline-exceeded';

  constructor(call: string, deadlineMs: number) {
    super(`no answer to ${call} within ${deadlineMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

const ignore = (): void => undefined;

/**
 * Settles like `promise`, or rejects with DeadlineExceeded after `deadlineMs`, calling `onExpiry` first.
 * Exported, with `readWithin`, for the calls made outside the port (checkpoint-store.ts).
 */
export const within = <A>(deadlineMs: number, call: string, promise: Promise<A>, onExpiry: () => void = ignore): Promise<A> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onExpiry();
      reject(new DeadlineExceeded(call, deadlineMs));
    }, deadlineMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/**
 * A read that must be over `deadlineMs` after it was opened. When it is not, the pending pull
 * fails and the client's read is cancelled, which frees its HTTP/2 stream (a late answer is
 * discarded). The Kurrent client's native reads cannot be cancelled while a pull is pending;
 * they are abandoned and end when the server answers or the connection drops.
 */
export const readWithin = <T = ClientResolvedEvent>(
  deadlineMs: number,
  call: string,
  read: AsyncIterable<T> & Pick<ClientRead, 'cancel'>,
): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: () => {
    const expiresAt = performance.now() + deadlineMs;
    const iterator = read[Symbol.asyncIterator]();
    const abandon = (): void => {
      read.cancel?.().catch(ignore);
      iterator.return?.().catch(ignore);
    };
    return {
      next: () => {
        const remaining = Math.ceil(expiresAt - performance.now());
        if (remaining <= 0) {
          abandon();
          return Promise.reject(new DeadlineExceeded(call, deadlineMs));
        }
        return within(remaining, call, iterator.next(), abandon);
      },
      return: async () => {
        abandon();
        return { done: true, value: undefined };
      },
    };
  },
});

/**
 * A subscription must be confirmed by the server within the deadline; one that is not ends
 * with DeadlineExceeded as its error, for the adapter to subscribe again or give up. Once
 * confirmed, a subscription is silent whenever nothing is written, so silence proves nothing:
 * the clients' keepalive (keepAliveInterval + keepAliveTimeout) detects a server that stopped
 * answering, and ends the subscription with UNAVAILABLE.
 */
const confirmedWithin = (deadlineMs: number, subscription: ClientSubscription): ClientSubscription => {
  const timer = setTimeout(() => subscription.destroy(new DeadlineExceeded('subscribeToAll', deadlineMs)), deadlineMs);
  const settle = (): void => clearTimeout(timer);
  subscription.on('confirmation', settle);
  subscription.on('error', settle);
  subscription.on('end', settle);
  return {
    on: subscription.on.bind(subscription),
    get readableLength() {
      return subscription.readableLength;
    },
    unsubscribe: () => {
      settle();
      return subscription.unsubscribe();
    },
    destroy: (error) => {
      settle();
      return subscription.destroy(error);
    },
  };
};

const guardedReads = (client: ClientReads, deadlineMs: number): ClientReads => ({
  // The clients ignore a `deadline` on reads (see above): only the timer bounds them.
  readStream: (streamName, options) => readWithin(deadlineMs, `readStream ${streamName}`, client.readStream(streamName, options)),
  readAll: (options) => readWithin(deadlineMs, 'readAll', client.readAll(options)),
  subscribeToAll: (options) => confirmedWithin(deadlineMs, client.subscribeToAll(options)),
  dispose: () => within(deadlineMs, 'dispose', client.dispose()),
});

type Append<O> = (streamName: string, events: ClientEventData[], options: O) => Promise<ClientAppendResult>;

const guardedAppend =
  <O extends object>(deadlineMs: number, append: Append<O>): Append<O> =>
  (streamName, events, options) => {
    // Both clients read `deadline` from an append's options: Append turns it into the call's
    // gRPC deadline, BatchAppend sends it to the server. It stays out of the option types in
    // client-shape.ts, where it would defeat the compile-time check of the dialect.
    const withDeadline = { ...options, deadline: deadlineMs };
    return within(deadlineMs, `appendToStream ${streamName}`, append(streamName, events, withDeadline));
  };

/** The same client, with every call bounded by `deadlineMs`. */
export const withDeadlines = (connection: DialectClient, deadlineMs: number): DialectClient => {
  const reads = guardedReads(connection.client, deadlineMs);
  if (connection.dialect === 'eventstoredb') {
    const { client } = connection;
    return {
      dialect: 'eventstoredb',
      client: { ...reads, appendToStream: guardedAppend(deadlineMs, (streamName, events, options) => client.appendToStream(streamName, events, options)) },
    };
  }
  const { client } = connection;
  return {
    dialect: 'kurrentdb',
    client: { ...reads, appendToStream: guardedAppend(deadlineMs, (streamName, events, options) => client.appendToStream(streamName, events, options)) },
  };
};
