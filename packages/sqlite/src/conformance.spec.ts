import { describeEventStoreConformance, describeReadModelStoreConformance } from '@ssp/eventstore/conformance';
import { openSqliteDatabase } from './database';
import { openSqliteEventStore } from './sqlite-event-store';
import { openSqliteReadModelStore } from './sqlite-read-model-store';
import { rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';

// Every test gets its own file, on disk (WAL, synchronous=FULL) as in production.
describeEventStoreConformance('SQLite event store', async () => {
  const directory = createTempDirectory();
  const store = rightOf(openSqliteEventStore({ path: directory.file('events.sqlite'), pollIntervalMs: 20 }));
  return {
    store,
    teardown: async () => {
      await store.close();
      directory.remove();
    },
  };
}, { globalChain: true });

// The read-model store shares its connection with an event store, as an application would.
describeReadModelStoreConformance('SQLite read-model store', async () => {
  const directory = createTempDirectory();
  const database = rightOf(openSqliteDatabase({ path: directory.file('store.sqlite') }));
  const events = rightOf(openSqliteEventStore({ database }));
  const store = rightOf(openSqliteReadModelStore({ database }));
  return {
    store,
    teardown: async () => {
      await events.close();
      await store.close();
      database.close();
      directory.remove();
    },
  };
});
