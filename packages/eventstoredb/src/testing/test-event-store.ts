import { randomUUID } from 'node:crypto';
import { createInMemoryEventStore, type EventStore, type Subscription } from '@ssp/eventstore';
import { namespacedStore } from '@ssp/eventstore/testing';
import { connectEventStoreDb } from '../connect';
import { startTestTarget, type TestTarget } from './test-target';

/**
 * The store that test worlds of other packages run on. By default the in-memory store; in the
 * Jest project whose `globals` set `SSP_TEST_STORE` to `eventstoredb`, a view of one
 * EventStoreDB per spec file: the test server, or the real server named by
 * `ESDB_CONNECTION_STRING`. Each world gets a namespace of its own, so that tests with fixed
 * ids share the server without meeting each other.
 */
export const testEventStore = (): EventStore => (storeKind() === 'eventstoredb' ? eventStoreDbView() : createInMemoryEventStore());

const storeKind = (): string => {
  const value: unknown = Reflect.get(globalThis, 'SSP_TEST_STORE');
  return typeof value === 'string' ? value : 'memory';
};

let target: Promise<TestTarget> | undefined;
let connection: EventStore | undefined;

const sharedConnection = async (): Promise<EventStore> => {
  target ??= startTestTarget();
  const reached = await target;
  connection ??= connectEventStoreDb(reached.connectionString);
  return connection;
};

// Each command crosses gRPC several times: a property run takes seconds, not milliseconds.
if (storeKind() === 'eventstoredb' && typeof jest !== 'undefined') jest.setTimeout(60_000);

// One server and one client per spec file, closed when the file's tests are done.
if (typeof afterAll === 'function') {
  afterAll(async () => {
    await connection?.close();
    await (await target)?.stop();
  });
}

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
