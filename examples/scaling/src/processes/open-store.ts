import * as E from 'fp-ts/Either';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { ConsumerGroups, EventStore } from '@ssp/eventstore';
import { createEventStoreDbConsumerGroups, createEventStoreDbStore } from '@ssp/eventstoredb';
import { describeOpenError, openSqliteConsumerGroups, openSqliteEventStore } from '@ssp/sqlite';
import type { StoreLocation } from './protocol';

/** One process's connection to the shared store, and its consumer groups on the same connection. */
export type OpenedStore = Readonly<{ store: EventStore; groups: ConsumerGroups; close: () => Promise<void> }>;

/**
 * Processes on one SQLite file see each other's appends by polling: 20 ms rather than the
 * default 75 keeps a run short without loading two cores noticeably.
 */
const POLL_INTERVAL_MS = 20;

/** Opens the store a process argument names; an error message when it cannot. */
export const openStore = (location: StoreLocation): E.Either<string, OpenedStore> => {
  if (location.kind === 'sqlite') {
    const opened = openSqliteEventStore({ path: location.path, pollIntervalMs: POLL_INTERVAL_MS });
    if (E.isLeft(opened)) return E.left(describeOpenError(opened.left));
    const store = opened.right;
    const groups = openSqliteConsumerGroups(store, { pollIntervalMs: POLL_INTERVAL_MS });
    if (E.isLeft(groups)) {
      void store.close();
      return E.left(describeOpenError(groups.left));
    }
    return E.right({ store, groups: groups.right, close: () => store.close() });
  }
  // One client for the store and the groups: closing the store disposes it.
  const client = EventStoreDBClient.connectionString(location.connectionString);
  const store = createEventStoreDbStore({ dialect: 'eventstoredb', client });
  return E.right({ store, groups: createEventStoreDbConsumerGroups(client, { store }), close: () => store.close() });
};
