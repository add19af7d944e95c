import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventStore, SubscriptionMessage } from '@ssp/eventstore';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import { createEventStoreDbStore } from './eventstoredb-store';
import {
  describeOnTestServer,
  failureOf,
  firstSuccessOf,
  freshStream,
  newEvent,
  pause,
  QUICK_KEEPALIVE,
  SPEC_TIMEOUT_MS,
  successOf,
  TEST_DEADLINE_MS,
  unavailable,
} from './testing/frozen-server';

// deadlines.spec.ts again through @kurrent/kurrentdb-client, whose reads go through its native
// reader rather than grpc-js. A file of its own: the two clients' generated protobuf code must
// not share a realm.
describeOnTestServer('calls to a frozen KurrentDB through @kurrent/kurrentdb-client', () => {
  let server: EventStoreDbTestServer;
  let store: EventStore;

  beforeAll(async () => {
    server = await startEventStoreDbTestServer();
  }, 60_000);

  beforeEach(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = KurrentDBClient.connectionString(`${server.kurrentConnectionString}&${QUICK_KEEPALIVE}`);
    store = createEventStoreDbStore(
      { dialect: 'kurrentdb', client },
      { deadlineMs: TEST_DEADLINE_MS, resubscribe: { initialDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 } },
    );
    // Both the gRPC channel and the native reader connected before the freeze.
    const warm = freshStream('Warm');
    await successOf(store.appendToStream(warm, [newEvent()], { expectedRevision: 'NO_STREAM' }));
    await firstSuccessOf(store.readStream(warm));
  }, 60_000);

  afterEach(async () => {
    await server.resume();
    await store.close();
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('given a frozen server, when appending, reading a stream and reading all, then each answers Unavailable', async () => {
    await server.stall();

    expect(await failureOf(store.appendToStream(freshStream('Frozen'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
    expect(await failureOf(store.readStream(freshStream('Frozen')))).toEqual(unavailable);
    expect(await failureOf(store.readAll({ maxCount: 10 }))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given a call that got no answer and time for keepalive to drop the connection, when the next calls are made while the server stays frozen, then each answers Unavailable', async () => {
    await server.stall();
    expect(await failureOf(store.appendToStream(freshStream('Frozen'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
    await pause(1_500);

    expect(await failureOf(store.appendToStream(freshStream('Next'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
    expect(await failureOf(store.readStream(freshStream('Next')))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given calls that got no answer, when the server resumes, then appends and reads succeed again', async () => {
    await server.stall();
    expect(await failureOf(store.appendToStream(freshStream('Frozen'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
    expect(await failureOf(store.readStream(freshStream('Frozen')))).toEqual(unavailable);
    await pause(1_500);

    await server.resume();
    const streamName = freshStream('Resumed');
    const written = newEvent('Resumed');
    await successOf(store.appendToStream(streamName, [written], { expectedRevision: 'NO_STREAM' }));

    expect((await successOf(store.readStream(streamName))).map((event) => event.eventId)).toEqual([written.eventId]);
  }, SPEC_TIMEOUT_MS);

  it('given a frozen server, when subscribing, then the subscription ends with dropped Unavailable after its retries', async () => {
    await server.stall();
    const messages: SubscriptionMessage[] = [];

    for await (const message of store.subscribeToAll()) messages.push(message);

    expect(messages).toEqual([{ kind: 'dropped', error: unavailable }]);
  }, SPEC_TIMEOUT_MS);
});
