import type { ConsumerGroupSettings } from '../consumer-group-port';
import type { GroupsUnderTest } from './consumer-group-conformance';
import { appendTo } from './consumer-group-delivery-conformance';
import {
  eventually,
  eventuallyAsync,
  freshGroupName,
  groupSettings,
  readToEnd,
  runConsumer,
  untilReceived,
} from './group-consumer-runner';
import { closedStoreRefusal, fail, freshCategory, freshStream, newEvent, newEvents, refusalOf, succeed } from './support';

/** Creating (idempotently, with settings checked), joining and deleting groups, and a closed store. */
export const consumerGroupAdminConformance = (underTest: () => GroupsUnderTest, timeout: number): void => {
  const store = () => underTest().store;
  const groups = () => underTest().groups;

  it("given a group, when it is created again with other settings, then the answer is 'exists' and it keeps its own settings", async () => {
    const [category, otherCategory] = [freshCategory(), freshCategory()];
    const group = freshGroupName();
    const [first] = await appendTo(store(), freshStream(category), newEvents(1));
    expect(await succeed(groups().create(group, groupSettings(category, { maxRetryCount: 0 })))).toBe('created');
    const other = groupSettings(otherCategory, { startFrom: 'end', maxRetryCount: 5 });
    expect(await succeed(groups().create(group, other))).toBe('exists');

    await appendTo(store(), freshStream(otherCategory), newEvents(1));
    const consumer = runConsumer(groups().join(group), (delivery) =>
      delivery.event.eventId === first ? delivery.nack('retry', 'first failure') : delivery.ack(),
    );
    try {
      // From the start, with the first filter, and parked at the first failure (maxRetryCount 0).
      await eventuallyAsync('the first event is parked', async () => (await succeed(groups().parked(group))).length === 1);
      const fence = await appendTo(store(), freshStream(category), [newEvent('Fence')]);
      await untilReceived(consumer, fence);
      expect(consumer.receivedIds()).toEqual([first, ...fence]);
    } finally {
      await consumer.close();
    }
  }, timeout);

  it.each([
    { field: 'maxRetryCount', change: { maxRetryCount: -1 } },
    { field: 'maxRetryCount', change: { maxRetryCount: 2.5 } },
    { field: 'messageTimeoutMs', change: { messageTimeoutMs: 0 } },
    { field: 'messageTimeoutMs', change: { messageTimeoutMs: -100 } },
    { field: 'messageTimeoutMs', change: { messageTimeoutMs: 1.5 } },
    { field: 'filter.categories[0]', change: { filter: { kind: 'streamCategory', categories: ['with-dash'] } } },
  ] satisfies ReadonlyArray<{ field: string; change: Partial<ConsumerGroupSettings> }>)(
    'given $field $change, when creating, then a Failure names the field and no group is created',
    async ({ field, change }) => {
      const group = freshGroupName();
      const category = freshCategory();
      expect(await fail(groups().create(group, groupSettings(category, change)))).toEqual(refusalOf(field));
      expect(await succeed(groups().create(group, groupSettings(category)))).toBe('created');
    },
    timeout,
  );

  it('given an empty group name, when creating, then a Failure names the group', async () => {
    expect(await fail(groups().create('', groupSettings(freshCategory())))).toEqual(refusalOf('group'));
  }, timeout);

  it.each([0, -1, 2.5])('given bufferSize %p, when joining, then the only message is dropped with a Failure naming bufferSize', async (bufferSize) => {
    const group = freshGroupName();
    await succeed(groups().create(group, groupSettings(freshCategory())));
    expect(await readToEnd(groups().join(group, { bufferSize }))).toEqual([{ kind: 'dropped', error: refusalOf('bufferSize') }]);
  }, timeout);

  it('given no such group, when joining, then the only message is dropped with a Failure naming it', async () => {
    const group = freshGroupName();
    expect(await readToEnd(groups().join(group))).toEqual([{ kind: 'dropped', error: refusalOf(group) }]);
  }, timeout);

  it('given no such group, when deleting it, then a Failure names it', async () => {
    const group = freshGroupName();
    expect(await fail(groups().delete(group))).toEqual(refusalOf(group));
  }, timeout);

  it('given no such group, when listing or replaying its parked events, then each is a Failure naming it', async () => {
    const group = freshGroupName();
    expect(await fail(groups().parked(group))).toEqual(refusalOf(group));
    expect(await fail(groups().replayParked(group))).toEqual(refusalOf(group));
  }, timeout);

  it('given a consumer in a group, when the group is deleted, then its iteration ends with dropped', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    await succeed(groups().create(group, groupSettings(category)));
    const consumer = runConsumer(groups().join(group));
    const first = await appendTo(store(), freshStream(category), newEvents(1));
    await untilReceived(consumer, first);

    await succeed(groups().delete(group));
    await eventually('the consumer ends', consumer.ended);
    expect(consumer.messages.at(-1)).toEqual({ kind: 'dropped', error: expect.objectContaining({ kind: 'Failure' }) });
    await consumer.close();
  }, timeout);

  it('given a deleted group, when it is created again, then it starts afresh: every event again from retryCount 0, nothing parked', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    const appended = await appendTo(store(), freshStream(category), newEvents(4));
    await succeed(groups().create(group, groupSettings(category)));
    const before = runConsumer(groups().join(group), (delivery) =>
      delivery.event.eventId === appended[0] ? delivery.nack('park', 'parked before deleting') : delivery.ack(),
    );
    await untilReceived(before, appended);
    await eventuallyAsync('one event parked', async () => (await succeed(groups().parked(group))).length === 1);
    await before.close();

    await succeed(groups().delete(group));
    expect(await succeed(groups().create(group, groupSettings(category)))).toBe('created');
    expect(await succeed(groups().parked(group))).toEqual([]);
    const after = runConsumer(groups().join(group));
    try {
      await untilReceived(after, appended);
      expect(after.deliveries.map((delivery) => [delivery.event.eventId, delivery.retryCount])).toEqual(appended.map((id) => [id, 0]));
    } finally {
      await after.close();
    }
  }, timeout);

  it('given a closed store, when creating, joining, listing, replaying or deleting, then each answers the closed refusal', async () => {
    const group = freshGroupName();
    await succeed(groups().create(group, groupSettings(freshCategory())));
    await store().close();

    expect(await fail(groups().create(freshGroupName(), groupSettings(freshCategory())))).toEqual(closedStoreRefusal());
    expect(await fail(groups().parked(group))).toEqual(closedStoreRefusal());
    expect(await fail(groups().replayParked(group))).toEqual(closedStoreRefusal());
    expect(await fail(groups().delete(group))).toEqual(closedStoreRefusal());
    expect(await readToEnd(groups().join(group))).toEqual([{ kind: 'dropped', error: closedStoreRefusal() }]);
  }, timeout);

  it('given a consumer waiting for events, when the store closes, then its iteration ends and nothing more is delivered', async () => {
    const category = freshCategory();
    const group = freshGroupName();
    await succeed(groups().create(group, groupSettings(category)));
    const consumer = runConsumer(groups().join(group));
    const first = await appendTo(store(), freshStream(category), newEvents(1));
    await untilReceived(consumer, first);

    await store().close();
    await eventually('the consumer ends', consumer.ended);
    expect(consumer.receivedIds()).toEqual(first);
  }, timeout);
};
