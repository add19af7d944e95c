import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as E from 'fp-ts/Either';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  createInMemoryConsumerGroups,
  createInMemoryEventStore,
  createInMemoryReadModelStore,
  type ConsumerGroups,
  type EventStore,
  type ReadModelStore,
} from '@ssp/eventstore';
import { connectEventStoreDb, createEventStoreDbConsumerGroups } from '@ssp/eventstoredb';
import { describeOpenError, openSqliteConsumerGroups, openSqliteDatabase, openSqliteEventStore, openSqliteReadModelStore } from '@ssp/sqlite';
import type { StoreSpec } from './store-spec';

/** The event store, the read-model store and the consumer groups the portal runs on, and how to let go of them. */
export type PortalStores = Readonly<{
  events: EventStore;
  readModels: ReadModelStore;
  /** Competing consumers kept by the event store itself: the notification worker's group lives here. */
  groups: ConsumerGroups;
  /** Said at start-up: where the events live. */
  description: string;
  close: () => Promise<void>;
}>;

export type StoreOpenError = Readonly<{ kind: 'StoreOpenError'; message: string }>;

const openError = (message: string): E.Either<StoreOpenError, never> => E.left({ kind: 'StoreOpenError', message });

/**
 * One SQLite file holds the events, the read models and their checkpoints, so that a
 * projection's documents are committed together with its checkpoint (see docs/projections.md),
 * and the consumer groups, so that what the notification worker acknowledged survives a restart.
 */
const openSqlite = (path: string): E.Either<StoreOpenError, PortalStores> => {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    return openError(`cannot create the directory of ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const opened = openSqliteDatabase({ path });
  if (E.isLeft(opened)) return openError(`cannot open ${path}: ${describeOpenError(opened.left)}`);
  const database = opened.right;
  const events = openSqliteEventStore({ database });
  const readModels = openSqliteReadModelStore({ database });
  const groups = E.isLeft(events) ? events : openSqliteConsumerGroups(events.right);
  if (E.isLeft(events) || E.isLeft(readModels) || E.isLeft(groups)) {
    database.close();
    const reason = E.isLeft(events) ? events.left : E.isLeft(readModels) ? readModels.left : E.isLeft(groups) ? groups.left : undefined;
    return openError(`cannot open the stores in ${path}${reason === undefined ? '' : `: ${describeOpenError(reason)}`}`);
  }
  return E.right({
    events: events.right,
    readModels: readModels.right,
    groups: groups.right,
    description: `SQLite file ${path}`,
    close: async () => {
      await events.right.close();
      await readModels.right.close();
      database.close();
    },
  });
};

/** `kurrentdb://` and `kdb://` name the same server as `esdb://`, which is the scheme of the client the portal installs. */
const asEsdbScheme = (connectionString: string): string => connectionString.replace(/^(?:kurrentdb|kdb)(\+discover)?:\/\//i, (_match, discover: string | undefined) => `esdb${discover ?? ''}://`);

/**
 * The store through `connectEventStoreDb` (which reads the connection string's options, such
 * as `defaultDeadline`), and the consumer groups (persistent subscriptions to `$all`, which
 * need EventStoreDB 21.10.1 or later) on a client of their own, since the store does not lend
 * its client out. Given the store, the groups answer its closed refusal once it is closed.
 */
const openEventStoreDb = (connectionString: string): E.Either<StoreOpenError, PortalStores> => {
  // Both through @eventstore/db-client: the two client packages must not share a process.
  const esdb = asEsdbScheme(connectionString);
  let groupClient: EventStoreDBClient;
  try {
    groupClient = EventStoreDBClient.connectionString(esdb);
  } catch (error) {
    return openError(`invalid EventStoreDB connection string: ${error instanceof Error ? error.message : String(error)}`);
  }
  const events = connectEventStoreDb(esdb);
  return E.right({
    events,
    readModels: createInMemoryReadModelStore(),
    groups: createEventStoreDbConsumerGroups(groupClient, { store: events }),
    description: `EventStoreDB ${connectionString.replace(/\/\/[^@/]*@/, '//…@')}`,
    close: async () => {
      await events.close();
      await groupClient.dispose();
    },
  });
};

/**
 * Opens the stores a spec names. On EventStoreDB the read models live in this process's
 * memory and are caught up from the first event at each start: the example keeps no second
 * database beside the server.
 */
export const openPortalStores = (spec: StoreSpec): E.Either<StoreOpenError, PortalStores> => {
  switch (spec.kind) {
    case 'memory': {
      const events = createInMemoryEventStore();
      return E.right({
        events,
        readModels: createInMemoryReadModelStore(),
        groups: createInMemoryConsumerGroups(events),
        description: 'memory (gone when the process stops)',
        close: () => events.close(),
      });
    }
    case 'sqlite':
      return openSqlite(spec.path);
    case 'eventstoredb':
      return openEventStoreDb(spec.connectionString);
  }
};
