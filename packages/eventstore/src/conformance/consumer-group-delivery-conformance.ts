import type { EventStore, NewEvent } from '../port';
import type { GroupsUnderTest } from './consumer-group-conformance';
import {
  ackEach,
  countsOf,
  eventually,
  freshGroupName,
  groupSettings,
  holdEach,
  runConsumer,
  untilReceived,
} from './group-consumer-runner';
import { freshCategory, freshStream, newEvent, newEvents, succeed } from './support';

export const appendTo = async (store: EventStore, streamName: string, events: readonly NewEvent[]): Promise<string[]> => {
  await succeed(store.appendToStream(streamName, events, { expectedRevision: 'ANY' }));
  return events.map((event) => event.eventId);
};

/**
 * Delivery: every event reaches the group, each acknowledged one once, shared among consumers.
 * "Not delivered again" is checked with a fence: an event appended last, after which anything
 * delivered twice would already have come.
 */
export const consumerGroupDeliveryConformance = (underTest: () => GroupsUnderTest, timeout: number): void => {
  const store = () => underTest().store;
  const groups = () => underTest().groups;

  it('given events before and after the group is created, when one consumer acks each, then every event is delivered once, first time retryCount 0', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const before = await appendTo(store(), freshStream(category), newEvents(6));
    expect(await succeed(groups().create(group, groupSettings(category)))).toBe('created');
    const after = await appendTo(store(), freshStream(category), newEvents(4));

    const consumer = runConsumer(groups().join(group));
    try {
      await untilReceived(consumer, [...before, ...after]);
      const fence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(consumer, fence);
      expect(consumer.receivedIds()).toEqual([...before, ...after, ...fence]);
      expect(consumer.deliveries.map((delivery) => delivery.retryCount)).toEqual(Array(11).fill(0));
    } finally {
      await consumer.close();
    }
  }, timeout);

  it('given two consumers, when both ack what they get, then every event is delivered and acked by exactly one of them', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    await succeed(groups().create(group, groupSettings(category)));
    const consumers = [runConsumer(groups().join(group, { bufferSize: 3 })), runConsumer(groups().join(group, { bufferSize: 3 }))];
    try {
      const appended: string[] = [];
      for (let batch = 0; batch < 6; batch += 1) appended.push(...(await appendTo(store(), freshStream(category), newEvents(5))));
      const allReceived = () => consumers.flatMap((consumer) => consumer.receivedIds());
      await eventually('both consumers together receive all 30 events', () => new Set(allReceived()).size === appended.length, allReceived);

      expect([...countsOf(allReceived()).values()].every((count) => count === 1)).toBe(true);
      expect(new Set(allReceived())).toEqual(new Set(appended));
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.close()));
    }
  }, timeout);

  it("given a group starting from 'end', when events are appended after it is created, then only those are delivered", async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const earlier = await appendTo(store(), freshStream(category), newEvents(3));
    await succeed(groups().create(group, groupSettings(category, { startFrom: 'end' })));
    const later = await appendTo(store(), freshStream(category), newEvents(2));

    const consumer = runConsumer(groups().join(group));
    try {
      await untilReceived(consumer, later);
      expect(consumer.receivedIds()).toEqual(later);
      expect(consumer.receivedIds().some((id) => earlier.includes(id))).toBe(false);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it('given an event-type filter, when events of other types are appended too, then only the matching types are delivered', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const [wanted, other] = [`${category}Wanted`, `${category}Other`];
    const events = [newEvent(wanted), newEvent(other), newEvent(wanted), newEvent(other), newEvent(wanted)];
    await succeed(groups().create(group, groupSettings(category, { filter: { kind: 'eventType', types: [wanted] } })));
    await appendTo(store(), freshStream(category), events);

    const consumer = runConsumer(groups().join(group));
    try {
      const wantedIds = events.filter((event) => event.type === wanted).map((event) => event.eventId);
      await untilReceived(consumer, wantedIds);
      const fence = await appendTo(store(), freshStream(category), [newEvent(wanted)]);
      await untilReceived(consumer, fence);
      expect(consumer.receivedIds()).toEqual([...wantedIds, ...fence]);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it('given a consumer that acked every event and left, when a new consumer joins, then it is not given those events again', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const acked = await appendTo(store(), freshStream(category), newEvents(5));
    await succeed(groups().create(group, groupSettings(category)));
    const first = runConsumer(groups().join(group));
    await untilReceived(first, acked);
    await first.close();

    const second = runConsumer(groups().join(group));
    try {
      const fence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(second, fence);
      expect(second.receivedIds()).toEqual(fence);
    } finally {
      await second.close();
    }
  }, timeout);

  it('given a consumer with bufferSize 2 that settles nothing, when another consumer joins, then the first holds 2 events and the other gets the rest', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const appended = await appendTo(store(), freshStream(category), newEvents(5));
    await succeed(groups().create(group, groupSettings(category)));

    const holder = runConsumer(groups().join(group, { bufferSize: 2 }), holdEach);
    await eventually('the holder receives 2 events', () => holder.deliveries.length >= 2);
    const other = runConsumer(groups().join(group, { bufferSize: 10 }), ackEach);
    try {
      const rest = appended.filter((id) => !holder.receivedIds().includes(id));
      await untilReceived(other, rest);
      expect(holder.deliveries).toHaveLength(2);
      expect(new Set([...holder.receivedIds(), ...other.receivedIds()])).toEqual(new Set(appended));
    } finally {
      await Promise.all([holder.close(), other.close()]);
    }
  }, timeout);
};
