import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, createInMemoryReadModelStore, type EventStore, type ReadModelStore } from '@ssp/eventstore';
import { connectEventStoreDb } from '@ssp/eventstoredb';
import { describeOpenError, openSqliteDatabase, openSqliteEventStore, openSqliteReadModelStore } from '@ssp/sqlite';
import type { StoreSpec } from './store-spec';

/** The event store and the read-model store the portal runs on, and how to let go of both. */
export type PortalStores = Readonly<{
  events: EventStore;
  readModels: ReadModelStore;
  /** Said at start-up: where the events live. */
  description: string;
  close: () => Promise<void>;
}>;

export type StoreOpenError = Readonly<{ kind: 'StoreOpenError'; message: string }>;

const openError = (message: string): E.Either<StoreOpenError, never> => E.left({ kind: 'StoreOpenError', message });

/**
 * One SQLite file holds the events, the read models and their checkpoints, so that a
 * projection's documents are committed together with its checkpoint (see docs/projections.md).
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
  if (E.isLeft(events) || E.isLeft(readModels)) {
    database.close();
    const reason = E.isLeft(events) ? events.left : E.isLeft(readModels) ? readModels.left : undefined;
    return openError(`cannot open the stores in ${path}${reason === undefined ? '' : `: ${describeOpenError(reason)}`}`);
  }
  return E.right({
    events: events.right,
    readModels: readModels.right,
    description: `SQLite file ${path}`,
    close: async () => {
      await events.right.close();
      await readModels.right.close();
      database.close();
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
      return E.right({ events, readModels: createInMemoryReadModelStore(), description: 'memory (gone when the process stops)', close: () => events.close() });
    }
    case 'sqlite':
      return openSqlite(spec.path);
    case 'eventstoredb': {
      const events = connectEventStoreDb(spec.connectionString);
      return E.right({
        events,
        readModels: createInMemoryReadModelStore(),
        description: `EventStoreDB ${spec.connectionString.replace(/\/\/[^@/]*@/, '//…@')}`,
        close: () => events.close(),
      });
    }
  }
};
