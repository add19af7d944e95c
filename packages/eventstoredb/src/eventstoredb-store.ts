import * as E from 'fp-ts/Either';
import { guardedEventStore, type EventStore } from '@ssp/eventstore';
import { appendToStream } from './append';
import type { DialectClient } from './client-shape';
import { validDeadline, withDeadlines } from './deadlines';
import { readAll } from './read-all';
import { readStream } from './read-stream';
import { DEFAULT_RESUBSCRIBE_POLICY, resilientSubscription, type ResubscribePolicy } from './subscription';
import { unusableStore } from './unusable-store';

export type EventStoreDbStoreOptions = Readonly<{
  resubscribe?: ResubscribePolicy;
  /**
   * How long any one call to the server may take before it answers `Unavailable`, in
   * milliseconds; 10 000 by default (see deadlines.ts). An impossible value gives a store
   * whose every call answers `Failure`.
   */
  deadlineMs?: number;
}>;

/**
 * The `EventStore` port over an EventStoreDB (or KurrentDB) gRPC client. The client is named
 * with its dialect, because the two client packages spell the expected revision of an append
 * differently (see client-shape.ts). Closing the store ends its subscriptions and disposes
 * the client; afterwards every call answers the port's closed-store error (`Unavailable`).
 */
export const createEventStoreDbStore = (given: DialectClient, options: EventStoreDbStoreOptions = {}): EventStore => {
  const deadlineMs = validDeadline(options.deadlineMs);
  if (E.isLeft(deadlineMs)) return unusableStore(deadlineMs.left, () => given.client.dispose());
  const connection = withDeadlines(given, deadlineMs.right);
  const policy = options.resubscribe ?? DEFAULT_RESUBSCRIBE_POLICY;
  return guardedEventStore(
    'EventStoreDB event store',
    {
      readStream: (streamName, readOptions) => readStream(connection.client, streamName, readOptions),
      appendToStream: (streamName, events, { expectedRevision }) => appendToStream(connection, streamName, events, expectedRevision),
      readAll: (readOptions) => readAll(connection.client, readOptions),
      subscribeToAll: (subscribeOptions) => resilientSubscription(connection.client, subscribeOptions, policy),
    },
    () => connection.client.dispose().catch(() => undefined),
  );
};
