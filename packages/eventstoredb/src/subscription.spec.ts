import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { EventStore, NewEvent, SubscriptionMessage } from '@ssp/eventstore';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import { connectEventStoreDb } from './connect';

// Faults a real server cannot be asked to produce on demand: these always run against the
// test server, whose subscriptions can be killed, or against a port where nothing listens.
const TIMEOUT = 60_000;
const QUICK_RETRIES = { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 3 };

let server: EventStoreDbTestServer;
let store: EventStore;

beforeAll(async () => {
  server = await startEventStoreDbTestServer();
  store = connectEventStoreDb(server.connectionString, { resubscribe: QUICK_RETRIES });
}, TIMEOUT);

afterAll(async () => {
  await store.close();
  await server.stop();
});

const freshCategory = (): string => `SubscriptionSpec${randomUUID().replace(/-/g, '')}`;

const newEvents = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => ({ eventId: randomUUID(), type: 'Happened', data: { index }, metadata: {} }));

/**
 * When a subscription call fails with UNAVAILABLE, the client also closes its channel, which
 * can fail an append in flight at that moment. Retrying it with the same event ids is safe,
 * the server recognises them, and is what an application would do.
 */
const append = async (streamName: string, events: readonly NewEvent[], attempts = 3): Promise<string[]> => {
  const result = await store.appendToStream(streamName, events, { expectedRevision: 'ANY' })();
  if (E.isLeft(result)) {
    if (result.left.kind === 'Unavailable' && attempts > 1) return append(streamName, events, attempts - 1);
    throw new Error(`append failed: ${result.left.kind}`);
  }
  return events.map((event) => event.eventId);
};

const shape = (messages: readonly SubscriptionMessage[]): string[] =>
  messages.map((message) => (message.kind === 'event' ? message.event.eventId : message.kind));

describe('a subscription to $all on EventStoreDB', () => {
  it('given a live subscription, when the server drops it, then it resubscribes after the last delivered event: no gap, no repeat, one caughtUp', async () => {
    const category = freshCategory();
    const before = await append(`${category}-1`, newEvents(2));
    const subscription = store.subscribeToAll({ filter: { kind: 'streamCategory', categories: [category] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const received: SubscriptionMessage[] = [];
    const readUntil = async (count: number): Promise<void> => {
      while (received.length < count) {
        const next = await iterator.next();
        if (next.done === true) throw new Error('the subscription ended');
        received.push(next.value);
      }
    };

    try {
      await readUntil(3);
      const live = await append(`${category}-2`, newEvents(2));
      await readUntil(5);

      expect(await server.dropSubscriptions()).toBe(1);
      const afterDrop = await append(`${category}-1`, newEvents(3));
      await readUntil(8);

      expect(shape(received)).toEqual([...before, 'caughtUp', ...live, ...afterDrop]);
      // The follower that delivered the last events is a new subscription on the server.
      expect(await server.dropSubscriptions()).toBe(1);
      const afterSecondDrop = await append(`${category}-3`, newEvents(1));
      await readUntil(9);
      expect(shape(received).slice(8)).toEqual(afterSecondDrop);
    } finally {
      await subscription.close();
    }
  }, TIMEOUT);

  it('given a server that cannot be reached, when subscribing, then after its retries the subscription ends with dropped Unavailable', async () => {
    const nowhere = connectEventStoreDb('esdb://127.0.0.1:1?tls=false', { resubscribe: QUICK_RETRIES });
    const messages: SubscriptionMessage[] = [];

    for await (const message of nowhere.subscribeToAll()) messages.push(message);

    expect(messages).toEqual([{ kind: 'dropped', error: expect.objectContaining({ kind: 'Unavailable' }) }]);
    await nowhere.close();
  }, TIMEOUT);
});
