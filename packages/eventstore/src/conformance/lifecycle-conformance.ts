import type { EventFilter, EventStore, StoreError, Subscription, SubscriptionMessage } from '../port';
import { eventsIn, readerOf } from './subscription-reader';
import { closedStoreRefusal, fail, freshCategory, freshStream, newEvents, show, succeed } from './support';

/** Every message until the subscription ends: only for subscriptions that are bound to end. */
const readToEnd = async (subscription: Subscription): Promise<SubscriptionMessage[]> => {
  const messages: SubscriptionMessage[] = [];
  for await (const message of subscription) messages.push(message);
  return messages;
};

/**
 * What a store does once closed: every call answers one and the same refusal, and whatever
 * was still subscribed ends quietly. These tests close the store the fixture handed them.
 */
export const lifecycleConformance = (store: () => EventStore, timeout: number): void => {
  const inCategory = (category: string): EventFilter => ({ kind: 'streamCategory', categories: [category] });

  it('given a closed store, when reading a stream, appending and reading all, then each call answers the same Unavailable refusal', async () => {
    const streamName = freshStream();
    await store().close();

    const refusals: StoreError[] = [
      await fail(store().readStream(streamName)),
      await fail(store().appendToStream(streamName, newEvents(1), { expectedRevision: 'ANY' })),
      await fail(store().readAll({ filter: { kind: 'eventType', types: ['Happened'] } })),
    ];
    refusals.forEach((refusal) => expect(refusal).toEqual(closedStoreRefusal()));
    expect(new Set(refusals.map(show)).size).toBe(1);
  }, timeout);

  it('given a closed store, when subscribing, then the only message is dropped with the same refusal', async () => {
    const streamName = freshStream();
    await store().close();
    const refusal = await fail(store().readStream(streamName));

    expect(await readToEnd(store().subscribeToAll({ filter: inCategory(freshCategory()) }))).toEqual([{ kind: 'dropped', error: refusal }]);
  }, timeout);

  it('given a store closed twice, when used, then both closes resolved and calls are still refused', async () => {
    await Promise.all([store().close(), store().close()]);
    await store().close();
    expect(await fail(store().readStream(freshStream()))).toEqual(closedStoreRefusal());
  }, timeout);

  it('given a call built before the store closed, when it runs after, then it is refused', async () => {
    const streamName = freshStream();
    const append = store().appendToStream(streamName, newEvents(1), { expectedRevision: 'ANY' });
    const read = store().readStream(streamName);
    await store().close();

    expect(await fail(append)).toEqual(closedStoreRefusal());
    expect(await fail(read)).toEqual(closedStoreRefusal());
  }, timeout);

  it('given a closed store, when called with arguments it would refuse, then the closed refusal comes first', async () => {
    await store().close();
    expect(await fail(store().readStream(freshStream(), { maxCount: -1 }))).toEqual(closedStoreRefusal());
  }, timeout);

  it('given a subscription still catching up, when the store closes, then iteration ends without dropped and without further events', async () => {
    const category = freshCategory();
    await succeed(store().appendToStream(freshStream(category), newEvents(30), { expectedRevision: 'NO_STREAM' }));
    const subscription = store().subscribeToAll({ filter: inCategory(category) });
    const reader = readerOf(subscription);
    await reader.readUntil((messages) => eventsIn(messages).length >= 3);

    await store().close();
    expect(await readToEnd(subscription)).toEqual([]);
  }, timeout);

  it('given a subscription waiting for live events, when the store closes, then the pending iteration ends without dropped', async () => {
    const subscription = store().subscribeToAll({ filter: inCategory(freshCategory()) });
    const reader = readerOf(subscription);
    await reader.readUntilCaughtUp();

    const pending = reader.next();
    await store().close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect((await reader.next()).done).toBe(true);
  }, timeout);
};
