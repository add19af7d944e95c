import { EventStoreDBClient } from '@eventstore/db-client';
import * as TE from 'fp-ts/TaskEither';
import type { EventStore, StoreError } from '@ssp/eventstore';
import type { EventStoreDbClient } from './client-shape';
import { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store';

/**
 * Connects with `@eventstore/db-client` from a connection string such as
 * `esdb://localhost:2113?tls=false` or `esdb+discover://node1:2113,node2:2113?nodePreference=leader`.
 * The client connects lazily, on the first call. A string the client cannot parse gives a
 * store whose every call answers `Failure` with the reason, rather than an exception.
 */
export const connectEventStoreDb = (connectionString: string, options: EventStoreDbStoreOptions = {}): EventStore => {
  const client = parseConnectionString(connectionString);
  return typeof client === 'string' ? unusableStore(client) : createEventStoreDbStore({ dialect: 'eventstoredb', client }, options);
};

const parseConnectionString = (connectionString: string): EventStoreDbClient | string => {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    return `invalid EventStoreDB connection string: ${error instanceof Error ? error.message : String(error)}`;
  }
};

const unusableStore = (reason: string): EventStore => {
  const refusal: StoreError = { kind: 'Failure', message: reason };
  return {
    readStream: () => TE.left(refusal),
    appendToStream: () => TE.left(refusal),
    readAll: () => TE.left(refusal),
    subscribeToAll: () => {
      let delivered = false;
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            if (delivered) return { done: true, value: undefined };
            delivered = true;
            return { done: false, value: { kind: 'dropped', error: refusal } };
          },
        }),
        close: async () => {
          delivered = true;
        },
      };
    },
    close: async () => undefined,
  };
};
