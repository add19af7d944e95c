import { randomUUID } from 'node:crypto';
import type { EventStore, Subscription } from '@ssp/eventstore';
import { namespacedStore, provideTestStores } from '@ssp/eventstore/testing';
import { connectEventStoreDb } from '../connect';
import { startTestTarget, type TestTarget } from './test-target';

/**
 * The setup file of the Jest project that runs the command handlers' and the projections'
 * specs a second time, through the real EventStoreDB client over gRPC: every store those specs
 * ask for (`testStore()`) becomes a view of one EventStoreDB per spec file (the test server, or
 * the real server named by `ESDB_CONNECTION_STRING`). Each view has a namespace of its own, so
 * that tests with fixed ids share the server without meeting each other.
 */
let target: Promise<TestTarget> | undefined;
let connection: EventStore | undefined;

const sharedConnection = async (): Promise<EventStore> => {
  target ??= startTestTarget();
  const reached = await target;
  connection ??= connectEventStoreDb(reached.connectionString);
  return connection;
};

/** Starting the server is asynchronous, the world is not: each call waits for the view. */
const eventStoreDbView = (): EventStore => {
  const view = sharedConnection().then((store) => namespacedStore(store, randomUUID().slice(0, 8)));
  return {
    readStream: (streamName, options) => async () => (await view).readStream(streamName, options)(),
    appendToStream: (streamName, events, options) => async () => (await view).appendToStream(streamName, events, options)(),
    readAll: (options) => async () => (await view).readAll(options)(),
    subscribeToAll: (options) => deferred(view.then((store) => store.subscribeToAll(options))),
    close: async () => undefined,
  };
};

const deferred = (subscription: Promise<Subscription>): Subscription => ({
  [Symbol.asyncIterator]: async function* () {
    yield* await subscription;
  },
  close: async () => (await subscription).close(),
});

provideTestStores(eventStoreDbView);

// Each command crosses gRPC several times: a property run takes seconds, not milliseconds.
jest.setTimeout(60_000);

// One server and one client per spec file, closed when the file's tests are done.
afterAll(async () => {
  await connection?.close();
  await (await target)?.stop();
});
