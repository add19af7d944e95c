import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { ConsumerGroupSettings, EventStore, GroupConsumer, GroupDelivery, GroupMessage, ParkedEvent } from '@ssp/eventstore';
import { connectEventStoreDb } from './connect';
import { createEventStoreDbConsumerGroups } from './consumer-groups';
import { failureOf, freshCategory, newEvent, successOf } from './testing/frozen-server';
import { startTestTarget, type TestTarget } from './testing/test-target';

// The consumer groups through @eventstore/db-client against the test server, or the server
// named by ESDB_CONNECTION_STRING. Each test has a category of its own, which its group filters on.
const TIMEOUT = 30_000;

let target: TestTarget;
let client: EventStoreDBClient;
let store: EventStore;

beforeAll(async () => {
  target = await startTestTarget();
  client = EventStoreDBClient.connectionString(target.connectionString);
  store = connectEventStoreDb(target.connectionString);
}, 60_000);

afterAll(async () => {
  await store.close();
  await client.dispose();
  await target.stop();
});

const groups = () => createEventStoreDbConsumerGroups(client);

const settingsFor = (category: string, changes: Partial<ConsumerGroupSettings> = {}): ConsumerGroupSettings => ({
  startFrom: 'start',
  filter: { kind: 'streamCategory', categories: [category] },
  maxRetryCount: 3,
  messageTimeoutMs: 30_000,
  ...changes,
});

const newGroup = async (category: string, changes: Partial<ConsumerGroupSettings> = {}): Promise<string> => {
  const group = `group-${randomUUID()}`;
  await successOf(groups().create(group, settingsFor(category, changes)));
  return group;
};

const append = async (streamName: string, type = 'Happened'): Promise<string> => {
  const event = newEvent(type);
  await successOf(store.appendToStream(streamName, [event], { expectedRevision: 'ANY' }));
  return event.eventId;
};

/** The consumer's next `count` messages; a `for await` would close it on leaving the loop. */
const next = async (consumer: GroupConsumer, count: number): Promise<GroupMessage[]> => {
  const iterator = consumer[Symbol.asyncIterator]();
  const taken: GroupMessage[] = [];
  while (taken.length < count) {
    const result = await iterator.next();
    if (result.done === true) break;
    taken.push(result.value);
  }
  return taken;
};

const deliveries = async (consumer: GroupConsumer, count: number): Promise<GroupDelivery[]> =>
  (await next(consumer, count)).map((message) => {
    if (message.kind !== 'event') throw new Error(`expected an event, got dropped: ${message.error.kind}`);
    return message;
  });

const seen = (delivered: readonly GroupDelivery[]): string[] => delivered.map((delivery) => `${delivery.event.eventId}#${delivery.retryCount}`);

/** Parking is done by the server after the nack: polls, within a bound, until `count` are parked. */
const parkedOnce = async (group: string, count: number, attempts = 200): Promise<readonly ParkedEvent[]> => {
  const parked = await successOf(groups().parked(group));
  if (parked.length >= count || attempts <= 1) return parked;
  await new Promise((resolve) => setImmediate(resolve));
  return parkedOnce(group, count, attempts - 1);
};

describe('EventStoreDB consumer groups', () => {
  it('given a group, when it is created again, then the second create answers exists', async () => {
    const group = `group-${randomUUID()}`;
    const settings = settingsFor(freshCategory('Twice'));

    expect(await successOf(groups().create(group, settings))).toBe('created');
    expect(await successOf(groups().create(group, settings))).toBe('exists');
  }, TIMEOUT);

  it('given no such group, when it is deleted or joined, then each answers a Failure naming it', async () => {
    const group = `missing-${randomUUID()}`;

    expect(await failureOf(groups().delete(group))).toEqual({ kind: 'Failure', message: expect.stringContaining(group) });
    expect(await next(groups().join(group), 1)).toEqual([{ kind: 'dropped', error: { kind: 'Failure', message: expect.stringContaining(group) } }]);
  }, TIMEOUT);

  it('given refused arguments, when creating or joining, then the Failure names the field', async () => {
    const category = freshCategory('Refused');

    expect(await failureOf(groups().create('g', settingsFor(category, { maxRetryCount: -1 })))).toEqual({ kind: 'Failure', message: expect.stringContaining('maxRetryCount') });
    expect(await failureOf(groups().create('g', settingsFor(category, { messageTimeoutMs: 0 })))).toEqual({ kind: 'Failure', message: expect.stringContaining('messageTimeoutMs') });
    expect(await failureOf(groups().create('', settingsFor(category)))).toEqual({ kind: 'Failure', message: expect.stringContaining('group') });
    expect(await next(groups().join('g', { bufferSize: 0 }), 1)).toEqual([{ kind: 'dropped', error: { kind: 'Failure', message: expect.stringContaining('bufferSize') } }]);
  }, TIMEOUT);

  it('given an acked event and an unacked one, when the timeout passes, then only the unacked one comes again, with retryCount 1', async () => {
    const category = freshCategory('Ack');
    const group = await newGroup(category, { messageTimeoutMs: 300 });
    const acked = await append(`${category}-1`);
    const consumer = groups().join(group);
    const [first] = await deliveries(consumer, 1);
    await first?.ack();
    const unacked = await append(`${category}-1`);

    // Had the ack been lost, the first event would time out before the second and come back first.
    const delivered = await deliveries(consumer, 2);
    await consumer.close();

    expect(first?.event.eventId).toBe(acked);
    expect(seen(delivered)).toEqual([`${unacked}#0`, `${unacked}#1`]);
  }, TIMEOUT);

  it('given a consumer that acks a burst of events and closes at once, when another joins, then none of them comes again', async () => {
    const category = freshCategory('Leave');
    const group = await newGroup(category);
    const burst = Array.from({ length: 40 }, () => newEvent('Happened'));
    await successOf(store.appendToStream(`${category}-1`, burst, { expectedRevision: 'ANY' }));
    const leaving = groups().join(group, { bufferSize: burst.length });
    const delivered = await deliveries(leaving, burst.length);
    // All at once, so that the acks queue up in the client when it is asked to leave.
    await Promise.all(delivered.map((delivery) => delivery.ack()));
    await leaving.close();

    // The server hands out retries before new events: a lost ack would come before the fence.
    const joining = groups().join(group);
    const fence = await append(`${category}-2`, 'Fence');
    const [first] = await deliveries(joining, 1);
    await joining.close();

    expect(first?.event.eventId).toBe(fence);
  }, TIMEOUT);

  it('given a consumer leaving while its handler still holds an event, when the handler acks it after, then the ack returns at once, the consumer leaves, and the event goes to another consumer', async () => {
    const category = freshCategory('Leaving');
    const group = await newGroup(category);
    const held = await append(`${category}-1`);
    const leaving = groups().join(group);
    const [inHand] = await deliveries(leaving, 1);

    const left = leaving.close();
    await inHand?.ack();
    await left;

    const other = groups().join(group);
    const [again] = await deliveries(other, 1);
    await again?.ack();
    await other.close();
    expect([inHand?.event.eventId, again?.event.eventId]).toEqual([held, held]);
  }, TIMEOUT);

  it('given maxRetryCount 1, when an event is nacked with retry twice, then it is parked with the server reason', async () => {
    const category = freshCategory('Retry');
    const group = await newGroup(category, { maxRetryCount: 1 });
    const eventId = await append(`${category}-1`);
    const consumer = groups().join(group);

    const [first] = await deliveries(consumer, 1);
    await first?.nack('retry', 'not yet');
    const [again] = await deliveries(consumer, 1);
    await again?.nack('retry', 'still not');
    const parked = await parkedOnce(group, 1);
    await consumer.close();

    expect(again?.retryCount).toBe(1);
    expect(parked.map((item) => [item.event.eventId, item.reason])).toEqual([[eventId, 'Reached retry count of 1']]);
  }, TIMEOUT);

  it('given an event parked by a consumer, when the group replays it, then it comes back with retryCount 0 and nothing stays parked', async () => {
    const category = freshCategory('Replay');
    const group = await newGroup(category);
    const eventId = await append(`${category}-1`);
    const consumer = groups().join(group);
    const [first] = await deliveries(consumer, 1);
    await first?.nack('park', 'poison');
    const parked = await parkedOnce(group, 1);

    const replayed = await successOf(groups().replayParked(group));
    const [again] = await deliveries(consumer, 1);
    await again?.ack();
    await consumer.close();

    expect(parked.map((item) => [item.event.eventId, item.reason])).toEqual([[eventId, 'poison']]);
    expect(replayed).toBe(1);
    expect(seen(again === undefined ? [] : [again])).toEqual([`${eventId}#0`]);
    expect(await successOf(groups().parked(group))).toEqual([]);
  }, TIMEOUT);

  it('given two consumers with room for one event each, when two events arrive, then each consumer gets one', async () => {
    const category = freshCategory('Share');
    const group = await newGroup(category);
    const one = groups().join(group, { bufferSize: 1 });
    const two = groups().join(group, { bufferSize: 1 });
    const ids = [await append(`${category}-1`), await append(`${category}-2`)];

    const [fromOne] = await deliveries(one, 1);
    const [fromTwo] = await deliveries(two, 1);
    await Promise.all([one.close(), two.close()]);

    expect([fromOne?.event.eventId, fromTwo?.event.eventId].sort()).toEqual([...ids].sort());
  }, TIMEOUT);

  it('given a type filter and a group from the end, when events arrive, then only later events of exactly that type come', async () => {
    const category = freshCategory('Filter');
    const added = freshCategory('Added');
    await append(`${category}-1`, added);
    const group = `group-${randomUUID()}`;
    await successOf(groups().create(group, { startFrom: 'end', filter: { kind: 'eventType', types: [added] }, maxRetryCount: 0, messageTimeoutMs: 30_000 }));
    await append(`${category}-1`, `${added}Twice`);
    const later = await append(`${category}-1`, added);
    const consumer = groups().join(group);

    const [delivered] = await deliveries(consumer, 1);
    await delivered?.ack();
    await consumer.close();

    expect(delivered?.event.eventId).toBe(later);
  }, TIMEOUT);
});
