import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { EventStore, NewEvent } from '@ssp/eventstore';
import { describeEventStoreConformance } from '@ssp/eventstore/conformance';
import { closableView } from '@ssp/eventstore/testing';
import { createEventStoreDbCheckpointStore } from './checkpoint-store';
import { installedClientPackages } from './client-packages';
import { connectThrough } from './connect';
import { createEventStoreDbStore } from './eventstoredb-store';
import { startTestTarget, targetKinds, type TestTarget } from './testing/test-target';

// The same suite through @kurrent/kurrentdb-client, whose appends name the expected state
// `streamState` and whose reads go through its native bridge. It runs in a spec file of its
// own: the two clients' generated protobuf code must not share a realm.
let target: TestTarget | undefined;
let store: EventStore | undefined;

// One client for the whole file: the Kurrent client's native reader takes a while to connect
// (about half a second), and the suite only touches fresh streams, so sharing it changes
// nothing but the run time. Each test gets a view of it that it may close.
beforeAll(async () => {
  target = await startTestTarget();
  store = createEventStoreDbStore(
    { dialect: 'kurrentdb', client: KurrentDBClient.connectionString(target.kurrentConnectionString) },
    { resubscribe: { initialDelayMs: 50, maxDelayMs: 1_000, maxAttempts: 5 } },
  );
}, 60_000);

afterAll(async () => {
  await store?.close();
  await target?.stop();
});

describeEventStoreConformance('KurrentDB through @kurrent/kurrentdb-client', async () => {
  if (store === undefined) throw new Error('the test target did not start');
  const view = closableView(store);
  return { store: view, teardown: () => view.close() };
});

const newEvent = (type: string): NewEvent => ({ eventId: randomUUID(), type, data: {}, metadata: {} });

describe.each(targetKinds())('the adapter in the kurrentdb dialect, against $name', ({ testServer }) => {
  let ownTarget: TestTarget | undefined;
  let ownStore: EventStore | undefined;

  beforeAll(async () => {
    ownTarget = await startTestTarget(testServer);
    ownStore = createEventStoreDbStore({ dialect: 'kurrentdb', client: KurrentDBClient.connectionString(ownTarget.kurrentConnectionString) });
  }, 60_000);

  afterAll(async () => {
    await ownStore?.close();
    await ownTarget?.stop();
  });

  // The reason the dialect exists: were the expected revision sent as `expectedRevision`,
  // this client would ignore it and append with `any`, and this write would succeed.
  it('given a stream at revision 1, when appending with the stale revision 0, then the server refuses it with the actual revision', async () => {
    if (ownStore === undefined) throw new Error('the test target did not start');
    const streamName = `KurrentSpec${randomUUID().replace(/-/g, '')}-1`;
    await ownStore.appendToStream(streamName, [newEvent('Opened'), newEvent('Renamed')], { expectedRevision: 'NO_STREAM' })();

    const result = await ownStore.appendToStream(streamName, [newEvent('Closed')], { expectedRevision: 0n })();

    expect(result).toEqual(E.left({ kind: 'WrongExpectedRevision', streamName, expected: 0n, actual: 1n }));
    const stored = await ownStore.readStream(streamName)();
    expect(E.isRight(stored) ? stored.right.map((event) => event.type) : stored.left).toEqual(['Opened', 'Renamed']);
  }, 60_000);
});

describe('projection checkpoints through the Kurrent client', () => {
  it('given the Kurrent client, when saving and reading a projection checkpoint, then it round-trips', async () => {
    if (target === undefined) throw new Error('the test target did not start');
    const client = KurrentDBClient.connectionString(target.kurrentConnectionString);
    const checkpoints = createEventStoreDbCheckpointStore(client);
    const projection = `kurrent${randomUUID().replace(/-/g, '')}`;
    try {
      expect(await checkpoints.save(projection, { commit: 42n, prepare: 41n })()).toEqual(E.right(undefined));
      expect(await checkpoints.read(projection)()).toEqual(E.right({ commit: 42n, prepare: 41n }));
    } finally {
      await client.dispose();
    }
  }, 60_000);
});

describe('connecting where only the Kurrent client is installed', () => {
  it('given an esdb:// connection string, when connecting, then the store appends and reads through the Kurrent client', async () => {
    if (target === undefined) throw new Error('the test target did not start');
    const kurrentOnly = { eventstoredb: () => undefined, kurrentdb: installedClientPackages.kurrentdb };
    // A deadline long enough for the native reader's first read (about half a second here).
    const connected = connectThrough(kurrentOnly, target.connectionString, { deadlineMs: 5_000 });
    const streamName = `KurrentOnly${randomUUID().replace(/-/g, '')}-1`;
    try {
      expect(await connected.appendToStream(streamName, [newEvent('Opened')], { expectedRevision: 'NO_STREAM' })()).toEqual(
        E.right(expect.objectContaining({ nextExpectedRevision: 0n })),
      );
      const stored = await connected.readStream(streamName)();
      expect(E.isRight(stored) ? stored.right.map((event) => event.type) : stored.left).toEqual(['Opened']);
    } finally {
      await connected.close();
    }
  }, 60_000);
});
