import { EventStoreDBClient } from '@eventstore/db-client';
import type { EventStore, SubscriptionMessage } from '@ssp/eventstore';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import type { EventStoreDbClient } from './client-shape';
import { connectEventStoreDb } from './connect';
import { createEventStoreDbStore } from './eventstoredb-store';
import {
  describeOnTestServer,
  failureOf,
  freshCategory,
  freshStream,
  newEvent,
  pause,
  QUICK_KEEPALIVE,
  SPEC_TIMEOUT_MS,
  successOf,
  TEST_DEADLINE_MS,
  unavailable,
} from './testing/frozen-server';

// A server frozen like `kill -STOP` (the test server's stall): it accepts connections and
// calls and answers nothing, not even keepalive pings. Every call must still answer, as
// `Unavailable`, and the store must work again once the server resumes. Through both append
// paths of @eventstore/db-client: BatchAppend (21.10+) and Append (20.x).
describeOnTestServer.each([
  { path: 'BatchAppend', features: 'batchAppend' as const },
  { path: 'Append', features: 'none' as const },
])('calls to a frozen EventStoreDB, appending through $path', ({ features }) => {
  let server: EventStoreDbTestServer;
  let store: EventStore;

  beforeAll(async () => {
    server = await startEventStoreDbTestServer({ features });
  }, 60_000);

  beforeEach(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    store = connectEventStoreDb(`${server.connectionString}&${QUICK_KEEPALIVE}`, { deadlineMs: TEST_DEADLINE_MS });
    // Connected and past ServerFeatures before the freeze, like a store that has been serving.
    await successOf(store.appendToStream(freshStream('Warm'), [newEvent()], { expectedRevision: 'NO_STREAM' }));
  }, 60_000);

  afterEach(async () => {
    await server.resume();
    await store.close();
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('given a frozen server, when appending, then the append answers Unavailable', async () => {
    await server.stall();

    const error = await failureOf(store.appendToStream(freshStream('Frozen'), [newEvent()], { expectedRevision: 'ANY' }));

    expect(error).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given a frozen server, when reading a stream and reading all, then each answers Unavailable', async () => {
    await server.stall();

    expect(await failureOf(store.readStream(freshStream('Frozen')))).toEqual(unavailable);
    expect(await failureOf(store.readAll({ maxCount: 10 }))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  // What was reported: the first command got STORE_UNAVAILABLE when keepalive dropped the
  // connection, the next one waited until the server woke up, on a new connection that the
  // frozen server had accepted but never set up.
  it('given a call that got no answer and time for keepalive to drop the connection, when the next calls are made while the server stays frozen, then each answers Unavailable', async () => {
    await server.stall();
    expect(await failureOf(store.appendToStream(freshStream('Frozen'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
    // Gives keepalive (300 ms + 300 ms) time to give up on the connection; should it not have,
    // the calls below meet the old connection instead, and must answer just the same.
    await pause(1_500);

    expect(await failureOf(store.appendToStream(freshStream('Next'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
    expect(await failureOf(store.readStream(freshStream('Next')))).toEqual(unavailable);
    expect(await failureOf(store.appendToStream(freshStream('Next'), [newEvent()], { expectedRevision: 'ANY' }))).toEqual(unavailable);
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

  it('given calls that got no answer, when closing the store while the server is still frozen, then close settles and later calls answer Unavailable', async () => {
    await server.stall();
    const hanging = store.appendToStream(freshStream('Frozen'), [newEvent()], { expectedRevision: 'ANY' })();
    const subscription = store.subscribeToAll();

    await store.close();

    expect(await hanging).toEqual(expect.objectContaining({ left: unavailable }));
    expect(await failureOf(store.readStream(freshStream('Closed')))).toEqual(unavailable);
    await subscription.close();
  }, SPEC_TIMEOUT_MS);
});

describeOnTestServer('a subscription to a frozen EventStoreDB', () => {
  const GIVING_UP_QUICKLY = { initialDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 };
  const PATIENT = { initialDelayMs: 50, maxDelayMs: 200, maxAttempts: 200 };
  let server: EventStoreDbTestServer;

  beforeAll(async () => {
    server = await startEventStoreDbTestServer();
  }, 60_000);

  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await server.resume();
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await server.stop();
  });

  const storeRetrying = (resubscribe: typeof PATIENT): EventStore =>
    connectEventStoreDb(`${server.connectionString}&${QUICK_KEEPALIVE}`, { deadlineMs: TEST_DEADLINE_MS, resubscribe });

  const nextMessage = async (messages: AsyncIterator<SubscriptionMessage>): Promise<SubscriptionMessage | 'ended'> => {
    const next = await messages.next();
    return next.done === true ? 'ended' : next.value;
  };

  // The deadline of a subscription ends where the server confirms it: a quiet subscription to a
  // healthy server is not renewed. It relies on the client emitting `confirmation`.
  it('given a healthy server, when a confirmed subscription stays quiet for several deadlines, then it is never renewed', async () => {
    const client = EventStoreDBClient.connectionString(server.connectionString);
    let subscriptions = 0;
    const counting: EventStoreDbClient = {
      readStream: (streamName, options) => client.readStream(streamName, options),
      readAll: (options) => client.readAll(options),
      appendToStream: (streamName, events, options) => client.appendToStream(streamName, events, options),
      subscribeToAll: (options) => {
        subscriptions += 1;
        return client.subscribeToAll(options);
      },
      dispose: () => client.dispose(),
    };
    // A longer deadline than elsewhere: only a confirmation slower than that could fail this.
    const store = createEventStoreDbStore({ dialect: 'eventstoredb', client: counting }, { deadlineMs: 1_000, resubscribe: PATIENT });
    const subscription = store.subscribeToAll({ filter: { kind: 'streamCategory', categories: [freshCategory('Quiet')] } });
    try {
      expect(await nextMessage(subscription[Symbol.asyncIterator]())).toEqual({ kind: 'caughtUp' });

      await pause(3_000);

      expect(subscriptions).toBe(1);
    } finally {
      await subscription.close();
      await store.close();
    }
  }, SPEC_TIMEOUT_MS);

  it('given a frozen server, when subscribing, then the subscription ends with dropped Unavailable after its retries', async () => {
    const store = storeRetrying(GIVING_UP_QUICKLY);
    await server.stall();
    const messages: SubscriptionMessage[] = [];

    for await (const message of store.subscribeToAll()) messages.push(message);

    expect(messages).toEqual([{ kind: 'dropped', error: unavailable }]);
    await store.close();
  }, SPEC_TIMEOUT_MS);

  it('given a live subscription, when the server freezes for good, then the subscription ends with dropped Unavailable', async () => {
    const store = storeRetrying(GIVING_UP_QUICKLY);
    const category = freshCategory('Live');
    const subscription = store.subscribeToAll({ filter: { kind: 'streamCategory', categories: [category] } });
    const messages = subscription[Symbol.asyncIterator]();
    try {
      expect(await nextMessage(messages)).toEqual({ kind: 'caughtUp' });

      await server.stall();

      expect(await nextMessage(messages)).toEqual({ kind: 'dropped', error: unavailable });
      expect(await nextMessage(messages)).toBe('ended');
    } finally {
      await subscription.close();
      await store.close();
    }
  }, SPEC_TIMEOUT_MS);

  it('given a live subscription, when the server freezes and resumes within its retries, then it delivers what is appended afterwards, without repeating what it had delivered', async () => {
    const store = storeRetrying(PATIENT);
    const category = freshCategory('Resuming');
    const streamName = `${category}-1`;
    const before = newEvent('Before');
    await successOf(store.appendToStream(streamName, [before], { expectedRevision: 'NO_STREAM' }));
    const subscription = store.subscribeToAll({ filter: { kind: 'streamCategory', categories: [category] } });
    const messages = subscription[Symbol.asyncIterator]();
    try {
      expect(await nextMessage(messages)).toEqual({ kind: 'event', event: expect.objectContaining({ eventId: before.eventId }) });
      expect(await nextMessage(messages)).toEqual({ kind: 'caughtUp' });

      await server.stall();
      // Time for keepalive to give up on the connection and for resubscriptions to miss their deadline.
      await pause(1_500);
      await server.resume();
      const after = newEvent('After');
      await successOf(store.appendToStream(streamName, [after], { expectedRevision: 0n }));

      expect(await nextMessage(messages)).toEqual({ kind: 'event', event: expect.objectContaining({ eventId: after.eventId }) });
    } finally {
      await subscription.close();
      await store.close();
    }
  }, SPEC_TIMEOUT_MS);
});

describeOnTestServer('the deadline of an EventStoreDB store', () => {
  let server: EventStoreDbTestServer;

  beforeAll(async () => {
    server = await startEventStoreDbTestServer();
  }, 60_000);

  afterAll(async () => {
    await server.resume();
    await server.stop();
  });

  it('given defaultDeadline in the connection string, when a call gets no answer, then it answers Unavailable naming that deadline', async () => {
    const store = connectEventStoreDb(`${server.connectionString}&defaultDeadline=350`);
    try {
      await server.stall();

      const error = await failureOf(store.readStream(freshStream('Frozen')));

      expect(error).toEqual({ kind: 'Unavailable', message: expect.stringContaining('within 350 ms') });
    } finally {
      await server.resume();
      await store.close();
    }
  }, SPEC_TIMEOUT_MS);

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'given the impossible deadline %p, when using the store, then its calls answer Failure naming the deadline',
    async (deadlineMs) => {
      const store = connectEventStoreDb(server.connectionString, { deadlineMs });

      const error = await failureOf(store.appendToStream(freshStream('Never'), [newEvent()], { expectedRevision: 'ANY' }));

      expect(error).toEqual({ kind: 'Failure', message: expect.stringContaining('deadline') });
      await store.close();
    },
  );
});
