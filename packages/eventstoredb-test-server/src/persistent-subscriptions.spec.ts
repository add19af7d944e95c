import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  EventStoreDBClient,
  jsonEvent,
  persistentSubscriptionToAllSettingsFromDefaults,
  streamNameFilter,
  type PersistentSubscriptionToAll,
  type PersistentSubscriptionToAllResolvedEvent,
  type PersistentSubscriptionToAllSettings,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '.';

// Persistent subscriptions to $all through the raw client, on what the adapter does not show:
// the errors' types, the parked stream's links and their metadata, nack actions.
const TIMEOUT = 60_000;

let server: EventStoreDbTestServer;
let client: EventStoreDBClient;

beforeAll(async () => {
  server = await startEventStoreDbTestServer();
  client = EventStoreDBClient.connectionString(server.connectionString);
}, TIMEOUT);

afterAll(async () => {
  await client.dispose();
  await server.stop();
});

const freshCategory = (): string => `PsSpec${randomUUID().replace(/-/g, '')}`;

const settings = (changes: Partial<PersistentSubscriptionToAllSettings>): PersistentSubscriptionToAllSettings =>
  persistentSubscriptionToAllSettingsFromDefaults({ startFrom: 'start', ...changes });

const createGroup = async (category: string, changes: Partial<PersistentSubscriptionToAllSettings> = {}): Promise<string> => {
  const group = `group-${randomUUID()}`;
  await client.createPersistentSubscriptionToAll(group, settings(changes), { filter: streamNameFilter({ prefixes: [`${category}-`] }) });
  return group;
};

const errorTypeOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'no error',
    (error: unknown) => (typeof error === 'object' && error !== null && 'type' in error ? error.type : error),
  );

/** The next `count` events the subscription hands out, in order. */
const take = (subscription: PersistentSubscriptionToAll, count: number): Promise<PersistentSubscriptionToAllResolvedEvent[]> =>
  new Promise((resolve, reject) => {
    const taken: PersistentSubscriptionToAllResolvedEvent[] = [];
    const onData = (resolved: PersistentSubscriptionToAllResolvedEvent): void => {
      taken.push(resolved);
      if (taken.length === count) {
        subscription.off('data', onData);
        subscription.pause();
        resolve(taken);
      }
    };
    subscription.on('data', onData);
    subscription.once('error', reject);
    subscription.resume();
  });

describe('persistent subscriptions to $all on the test server', () => {
  it('given a group, when it is created again, then the client throws persistent-subscription-exists', async () => {
    const group = await createGroup(freshCategory());

    expect(await errorTypeOf(client.createPersistentSubscriptionToAll(group, settings({})))).toBe('persistent-subscription-exists');
  }, TIMEOUT);

  it('given no group, when it is deleted, replayed, joined or asked about, then each says persistent-subscription-does-not-exist', async () => {
    const group = `missing-${randomUUID()}`;
    const subscription = client.subscribeToPersistentSubscriptionToAll(group);
    const joined = errorTypeOf(new Promise((_resolve, reject) => subscription.once('error', reject)));

    expect(await errorTypeOf(client.deletePersistentSubscriptionToAll(group))).toBe('persistent-subscription-does-not-exist');
    expect(await errorTypeOf(client.replayParkedMessagesToAll(group))).toBe('persistent-subscription-does-not-exist');
    expect(await errorTypeOf(client.getPersistentSubscriptionToAllInfo(group))).toBe('persistent-subscription-does-not-exist');
    expect(await joined).toBe('persistent-subscription-does-not-exist');
  }, TIMEOUT);

  it('given a group whose one consumer holds one event, when asked about, then the info names the group, its settings and the load', async () => {
    const category = freshCategory();
    const group = await createGroup(category, { maxRetryCount: 7, messageTimeout: 12_345 });
    await client.appendToStream(`${category}-1`, jsonEvent({ type: 'Happened', data: {} }));
    const subscription = client.subscribeToPersistentSubscriptionToAll(group, { bufferSize: 3 });
    await take(subscription, 1);

    const info = await client.getPersistentSubscriptionToAllInfo(group);
    await subscription.unsubscribe();

    expect(info).toEqual(
      expect.objectContaining({
        eventSource: '$all',
        groupName: group,
        settings: expect.objectContaining({ maxRetryCount: 7, messageTimeout: 12_345, consumerStrategyName: 'RoundRobin' }),
        connections: [expect.objectContaining({ availableSlots: 2, inFlightMessages: 1 })],
      }),
    );
  }, TIMEOUT);

  it('given a consumer that acks and half-closes its call, when a consumer joins after the call ended, then the acked event is not delivered again', async () => {
    const category = freshCategory();
    const group = await createGroup(category);
    await client.appendToStream(`${category}-1`, jsonEvent({ type: 'Happened', data: {} }));
    const leaving = client.subscribeToPersistentSubscriptionToAll(group);
    // The client pipes the gRPC call into the subscription; its request side is the only way to half-close.
    let requests: Writable | undefined;
    leaving.on('pipe', (source: unknown) => {
      if (source instanceof Writable) requests = source;
    });
    const [acked] = await take(leaving, 1);
    if (acked === undefined || requests === undefined) throw new Error('no delivery, or no gRPC call piped in');
    await leaving.ack(acked);
    const ended = new Promise((resolve) => leaving.once('end', resolve));
    leaving.resume();
    requests.end();
    await ended;

    const joining = client.subscribeToPersistentSubscriptionToAll(group);
    const fence = await client.appendToStream(`${category}-2`, jsonEvent({ type: 'Fence', data: {} }));
    const [first] = await take(joining, 1);
    await joining.unsubscribe();

    expect(first?.event?.revision).toBe(fence.nextExpectedRevision);
    expect(first?.event?.streamId).toBe(`${category}-2`);
  }, TIMEOUT);

  it('given maxRetryCount 1, when an event is nacked with retry twice, then it comes back once with retryCount 1 and is parked as a link with the reason', async () => {
    const category = freshCategory();
    const group = await createGroup(category, { maxRetryCount: 1 });
    await client.appendToStream(`${category}-1`, jsonEvent({ type: 'Happened', data: {} }));
    const subscription = client.subscribeToPersistentSubscriptionToAll(group);

    const [first] = await take(subscription, 1);
    if (first === undefined) throw new Error('no delivery');
    await subscription.nack('retry', 'not yet', first);
    const [again] = await take(subscription, 1);
    if (again === undefined) throw new Error('no redelivery');
    await subscription.nack('retry', 'still not', again);
    const parkedStream = `$persistentsubscription-$all::${group}-parked`;
    const parked = await waitForParked(parkedStream, 1);
    await subscription.unsubscribe();

    expect(again.retryCount).toBe(1);
    expect(parked[0]?.link?.type).toBe('$>');
    expect(parked[0]?.link?.metadata).toEqual(expect.objectContaining({ Reason: 'Reached retry count of 1' }));
    expect(parked[0]?.event?.id).toBe(first.event?.id);
  }, TIMEOUT);

  it('given a parked event, when the group replays it, then it is delivered with retryCount 0 and the parked stream reads empty', async () => {
    const category = freshCategory();
    const group = await createGroup(category, { maxRetryCount: 3 });
    await client.appendToStream(`${category}-1`, jsonEvent({ type: 'Happened', data: {} }));
    const subscription = client.subscribeToPersistentSubscriptionToAll(group);
    const [first] = await take(subscription, 1);
    if (first === undefined) throw new Error('no delivery');
    await subscription.nack('park', 'poison', first);
    const parkedStream = `$persistentsubscription-$all::${group}-parked`;
    const parked = await waitForParked(parkedStream, 1);

    await client.replayParkedMessagesToAll(group);
    const [replayed] = await take(subscription, 1);
    await subscription.unsubscribe();

    expect(parked[0]?.link?.metadata).toEqual(expect.objectContaining({ Reason: "Client explicitly NAK'ed message.\npoison" }));
    expect(replayed?.event?.id).toBe(first.event?.id);
    expect(replayed?.retryCount).toBe(0);
    expect(await readResolved(parkedStream)).toEqual([]);
  }, TIMEOUT);
});

const readResolved = async (streamName: string): Promise<ResolvedEvent[]> => {
  const collected: ResolvedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamName, { resolveLinkTos: true })) collected.push(resolved);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'type' in error && error.type === 'stream-not-found') return [];
    throw error;
  }
  return collected;
};

/** Parking is written as an append: polls, within a bound, until the stream holds `count` links. */
const waitForParked = async (streamName: string, count: number, attempts = 100): Promise<ResolvedEvent[]> => {
  const parked = await readResolved(streamName);
  if (parked.length >= count || attempts <= 1) return parked;
  await new Promise((resolve) => setImmediate(resolve));
  return waitForParked(streamName, count, attempts - 1);
};
