import type { ConsumerGroups, GroupDelivery, ParkedEvent } from '../consumer-group-port';
import type { GroupsUnderTest } from './consumer-group-conformance';
import { appendTo } from './consumer-group-delivery-conformance';
import {
  eventually,
  eventuallyAsync,
  freshGroupName,
  groupSettings,
  holdEach,
  runConsumer,
  SHORT_TIMEOUT_MS,
  untilReceived,
} from './group-consumer-runner';
import { freshCategory, freshStream, newEvent, newEvents, succeed } from './support';

const parkedIds = (parked: readonly ParkedEvent[]): string[] => parked.map((entry) => entry.event.eventId);

/** Waits until the group's parked list holds exactly `eventIds` (parking may be asynchronous), and answers it. */
const untilParked = async (groups: ConsumerGroups, group: string, eventIds: readonly string[]): Promise<readonly ParkedEvent[]> => {
  let parked: readonly ParkedEvent[] = [];
  await eventuallyAsync(`${eventIds.length} events parked`, async () => {
    parked = await succeed(groups.parked(group));
    return parked.length === eventIds.length && eventIds.every((id) => parkedIds(parked).includes(id));
  });
  return parked;
};

const retryCountsOf = (deliveries: readonly GroupDelivery[], eventId: string): number[] =>
  deliveries.filter((delivery) => delivery.event.eventId === eventId).map((delivery) => delivery.retryCount);

/** Nacks every delivery of `eventId` with `retry` and acks all others. */
const nackingOnly =
  (eventId: string, reason: string) =>
  (delivery: GroupDelivery): Promise<void> =>
    delivery.event.eventId === eventId ? delivery.nack('retry', reason) : delivery.ack();

/** Retries, message timeouts and parking. */
export const consumerGroupFailureConformance = (underTest: () => GroupsUnderTest, timeout: number): void => {
  const store = () => underTest().store;
  const groups = () => underTest().groups;

  it('given a consumer that left holding unsettled events, when the message timeout passes, then another consumer gets them with retryCount 1', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const held = await appendTo(store(), freshStream(category), newEvents(2));
    await succeed(groups().create(group, groupSettings(category, { messageTimeoutMs: SHORT_TIMEOUT_MS })));
    const leaving = runConsumer(groups().join(group), holdEach);
    await untilReceived(leaving, held);
    await leaving.close();

    const next = runConsumer(groups().join(group));
    try {
      await untilReceived(next, held);
      expect(next.deliveries.map((delivery) => [delivery.event.eventId, delivery.retryCount])).toEqual(held.map((id) => [id, 1]));
    } finally {
      await next.close();
    }
  }, timeout);

  it("given nack('retry'), when the event comes back, then its retryCount has grown by one each time until it is acked", async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const [retried] = await appendTo(store(), freshStream(category), newEvents(1));
    await succeed(groups().create(group, groupSettings(category, { maxRetryCount: 5 })));
    const consumer = runConsumer(groups().join(group), (delivery) =>
      delivery.retryCount < 2 ? delivery.nack('retry', 'not yet') : delivery.ack(),
    );
    try {
      const fence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(consumer, fence);
      await eventually('the event is delivered three times', () => retryCountsOf(consumer.deliveries, retried ?? '').length >= 3);
      const secondFence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(consumer, secondFence);
      expect(retryCountsOf(consumer.deliveries, retried ?? '')).toEqual([0, 1, 2]);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it('given maxRetryCount 2 and a consumer that always retries an event, when its retries run out, then it is parked with a reason and delivered no more', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const [failing, ...others] = await appendTo(store(), freshStream(category), newEvents(3));
    await succeed(groups().create(group, groupSettings(category, { maxRetryCount: 2 })));
    const consumer = runConsumer(groups().join(group), nackingOnly(failing ?? '', 'handler failed'));
    try {
      const [parked] = await untilParked(groups(), group, [failing ?? '']);
      expect(parked?.reason).toEqual(expect.any(String));
      expect(parked?.reason).not.toBe('');
      expect(parked?.event.eventId).toBe(failing);

      const fence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(consumer, [...others, ...fence]);
      expect(retryCountsOf(consumer.deliveries, failing ?? '')).toEqual([0, 1, 2]);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it('given maxRetryCount 0 and a consumer that holds an event past the message timeout, then the event is parked', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const held = await appendTo(store(), freshStream(category), newEvents(1));
    await succeed(groups().create(group, groupSettings(category, { maxRetryCount: 0, messageTimeoutMs: SHORT_TIMEOUT_MS })));
    const consumer = runConsumer(groups().join(group), holdEach);
    try {
      await untilReceived(consumer, held);
      await untilParked(groups(), group, held);
      expect(consumer.deliveries).toHaveLength(1);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it("given nack('park'), then the event is parked at once with the reason given, and delivered no more", async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const [poison, healthy] = await appendTo(store(), freshStream(category), newEvents(2));
    await succeed(groups().create(group, groupSettings(category, { maxRetryCount: 5 })));
    const consumer = runConsumer(groups().join(group), (delivery) =>
      delivery.event.eventId === poison ? delivery.nack('park', 'cannot be handled: unknown device') : delivery.ack(),
    );
    try {
      const parked = await untilParked(groups(), group, [poison ?? '']);
      expect(parked.map((entry) => [entry.event.eventId, entry.reason])).toEqual([[poison, 'cannot be handled: unknown device']]);

      const fence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(consumer, [healthy ?? '', ...fence]);
      expect(retryCountsOf(consumer.deliveries, poison ?? '')).toEqual([0]);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it('given parked events, when they are replayed, then the count is answered, they are delivered again from retryCount 0 and no longer parked', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const appended = await appendTo(store(), freshStream(category), newEvents(3));
    const toPark = appended.slice(0, 2);
    await succeed(groups().create(group, groupSettings(category)));
    const parkedOnce = new Set<string>();
    const consumer = runConsumer(groups().join(group), (delivery) => {
      const id = delivery.event.eventId;
      if (!toPark.includes(id) || parkedOnce.has(id)) return delivery.ack();
      parkedOnce.add(id);
      return delivery.nack('park', 'parked by the test');
    });
    try {
      await untilParked(groups(), group, toPark);
      expect(await succeed(groups().replayParked(group))).toBe(2);

      await eventually('both parked events are delivered again', () => toPark.every((id) => retryCountsOf(consumer.deliveries, id).length === 2));
      expect(toPark.map((id) => retryCountsOf(consumer.deliveries, id))).toEqual([[0, 0], [0, 0]]);
      await untilParked(groups(), group, []);
      expect(await succeed(groups().replayParked(group))).toBe(0);
    } finally {
      await consumer.close();
    }
  }, timeout);
};
