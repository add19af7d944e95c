import * as TE from 'fp-ts/TaskEither';
import type { EventStore, StoreError, Subscription } from '@ssp/eventstore';
import { appendToStream } from './append';
import type { DialectClient } from './client-shape';
import { readAll } from './read-all';
import { readStream } from './read-stream';
import { DEFAULT_RESUBSCRIBE_POLICY, resilientSubscription, type ResubscribePolicy } from './subscription';

export type EventStoreDbStoreOptions = Readonly<{ resubscribe?: ResubscribePolicy }>;

const closedError: StoreError = { kind: 'Unavailable', message: 'the EventStoreDB event store is closed' };

/** A subscription that was closed before it started: it yields nothing. */
const closedSubscription = (): Subscription => ({
  [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }),
  close: async () => undefined,
});

/**
 * The `EventStore` port over an EventStoreDB (or KurrentDB) gRPC client. The client is named
 * with its dialect, because the two client packages spell the expected revision of an append
 * differently (see client-shape.ts). Closing the store ends its subscriptions and disposes
 * the client; afterwards every call answers `Unavailable`.
 */
export const createEventStoreDbStore = (connection: DialectClient, options: EventStoreDbStoreOptions = {}): EventStore => {
  const policy = options.resubscribe ?? DEFAULT_RESUBSCRIBE_POLICY;
  const subscriptions = new Set<Subscription>();
  let closed = false;

  // Checked when the task runs, not when it is built: a task built before `close` and run after
  // it must not reach a disposed client.
  const whenOpen =
    <A>(task: () => TE.TaskEither<StoreError, A>): TE.TaskEither<StoreError, A> =>
    () =>
      closed ? TE.left<StoreError, A>(closedError)() : task()();

  return {
    readStream: (streamName, readOptions) => whenOpen(() => readStream(connection.client, streamName, readOptions)),
    appendToStream: (streamName, events, { expectedRevision }) =>
      whenOpen(() => appendToStream(connection, streamName, events, expectedRevision)),
    readAll: (readOptions) => whenOpen(() => readAll(connection.client, readOptions)),
    subscribeToAll: (subscribeOptions = {}) => {
      if (closed) return closedSubscription();
      const subscription = resilientSubscription(connection.client, subscribeOptions, policy);
      subscriptions.add(subscription);
      return {
        [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
        close: async () => {
          subscriptions.delete(subscription);
          await subscription.close();
        },
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      subscriptions.clear();
      await connection.client.dispose().catch(() => undefined);
    },
  };
};
