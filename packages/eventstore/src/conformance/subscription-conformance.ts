import type { EventFilter, EventStore, NewEvent, Subscription, SubscriptionMessage } from '../port';
import { comparePositions } from '../position';
import { eventsIn, readerOf, shapeOf, type SubscriptionReader } from './subscription-reader';
import { freshCategory, freshStream, idsOf, newEvent, newEvents, refusalOf, succeed } from './support';

/**
 * Yields to the event loop once so that a read already started gets as far as waiting for
 * live events before the test appends. Without it an in-process store could finish the
 * append first and the waiting path would never be exercised. Ordering only, never timing.
 */
const letPendingReadsWait = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * subscribeToAll. Every subscription filters by the test's own category (or event types),
 * so the suite also holds against a server that already stores other events.
 */
export const subscriptionConformance = (store: () => EventStore, timeout: number): void => {
  const inCategory = (category: string): EventFilter => ({ kind: 'streamCategory', categories: [category] });

  const append = async (streamName: string, events: readonly NewEvent[]) => {
    await succeed(store().appendToStream(streamName, events, { expectedRevision: 'ANY' }));
    return events.map((event) => event.eventId);
  };

  /** Runs `use` and closes the subscription whatever happens, so a failing test leaks no follower. */
  const withSubscription = async (
    subscription: Subscription,
    use: (reader: SubscriptionReader) => Promise<void>,
  ): Promise<void> => {
    try {
      await use(readerOf(subscription));
    } finally {
      await subscription.close();
    }
  };

  /** Handles three events of the category, then stops, as a projection would, returning its checkpoint. */
  const withCheckpointAfterThree = async (category: string) => {
    const subscription = store().subscribeToAll({ filter: inCategory(category) });
    try {
      const handled = eventsIn(await readerOf(subscription).readUntil((messages) => eventsIn(messages).length >= 3));
      const third = handled[2];
      if (third === undefined) throw new Error('expected three events before the checkpoint');
      return third.position;
    } finally {
      await subscription.close();
    }
  };

  it('given history, when subscribing from the start, then history comes first, then one caughtUp, then live events', async () => {
    const category = freshCategory();
    const history = [
      ...(await append(freshStream(category), newEvents(2))),
      ...(await append(freshStream(category), newEvents(1))),
    ];

    await withSubscription(store().subscribeToAll({ after: 'start', filter: inCategory(category) }), async (reader) => {
      expect(shapeOf(await reader.readUntilCaughtUp())).toEqual([...history, 'caughtUp']);

      const live = newEvents(2);
      const liveIds = live.map((event) => event.eventId);
      // Reading starts before the append, so the subscription is waiting when the events land.
      const reading = reader.readUntilEvents(liveIds);
      await letPendingReadsWait();
      await append(freshStream(category), live);
      expect(shapeOf(await reading)).toEqual([...history, 'caughtUp', ...liveIds]);
    });
  }, timeout);

  it('given no matching history, when subscribing, then caughtUp is the first message', async () => {
    await withSubscription(store().subscribeToAll({ filter: inCategory(freshCategory()) }), async (reader) => {
      expect(shapeOf(await reader.readUntilCaughtUp())).toEqual(['caughtUp']);
    });
  }, timeout);

  it('given a checkpoint at the last handled event, when resubscribing after it, then delivery resumes without gaps or repeats', async () => {
    const category = freshCategory();
    const streamName = freshStream(category);
    const firstFive = await append(streamName, newEvents(5));

    let checkpoint = await withCheckpointAfterThree(category);
    const nextTwo = await append(freshStream(category), newEvents(2));

    await withSubscription(store().subscribeToAll({ after: checkpoint, filter: inCategory(category) }), async (reader) => {
      expect(shapeOf(await reader.readUntilCaughtUp())).toEqual([...firstFive.slice(3), ...nextTwo, 'caughtUp']);
      const last = eventsIn(reader.received).at(-1);
      checkpoint = last?.position ?? checkpoint;
    });

    const afterLast = await append(streamName, newEvents(1));
    await withSubscription(store().subscribeToAll({ after: checkpoint, filter: inCategory(category) }), async (reader) => {
      expect(shapeOf(await reader.readUntilCaughtUp())).toEqual([...afterLast, 'caughtUp']);
    });
  }, timeout);

  it('given a subscription still catching up, when events are appended meanwhile, then every event arrives once, in order', async () => {
    const category = freshCategory();
    const streams = [freshStream(category), freshStream(category), freshStream(category)];
    const history: string[] = [];
    for (let batch = 0; batch < 4; batch += 1) history.push(...(await append(streams[batch % 3] ?? '', newEvents(10))));
    const concurrent = Array.from({ length: 8 }, (_, batch) => [streams[batch % 3] ?? '', newEvents(5)] as const);
    const concurrentIds = concurrent.flatMap(([, events]) => events.map((event) => event.eventId));

    await withSubscription(store().subscribeToAll({ filter: inCategory(category) }), async (reader) => {
      const deliveredCount = (): number => eventsIn(reader.received).length;
      for (const [index, [streamName, events]] of concurrent.entries()) {
        if (index < 4) {
          // The first batches land while history (40 events) is still being delivered…
          await reader.readUntil((messages) => eventsIn(messages).length >= 1 + index * 10);
          expect(deliveredCount()).toBeLessThan(history.length);
          await append(streamName, events);
        } else {
          // …the others while the subscription waits for live events.
          const reading = reader.readUntilEvents(concurrentIds.slice(0, (index + 1) * 5));
          await letPendingReadsWait();
          await append(streamName, events);
          await reading;
        }
      }
      // A fence appended last: anything repeated or out of order would show up before it.
      const fence = [newEvent('Fence')];
      const fenceIds = fence.map((event) => event.eventId);
      const reading = reader.readUntilEvents([...history, ...concurrentIds, ...fenceIds]);
      await letPendingReadsWait();
      await append(freshStream(category), fence);
      await reading;

      const delivered = eventsIn(reader.received);
      expect(idsOf(delivered)).toEqual([...history, ...concurrentIds, ...fenceIds]);
      delivered.slice(1).forEach((event, index) => {
        const previous = delivered[index];
        expect(previous === undefined ? -1 : comparePositions(previous.position, event.position)).toBeLessThan(0);
      });
      const shape = shapeOf(reader.received);
      expect(shape.filter((message) => message === 'caughtUp')).toHaveLength(1);
      expect(shape.indexOf('caughtUp')).toBeGreaterThan(shape.indexOf(history.at(-1) ?? ''));
    });
  }, timeout);

  it('given an event-type filter, when live events of other types are appended, then only matching types are delivered', async () => {
    const category = freshCategory();
    const [wanted, unwanted] = [`${category}Wanted`, `${category}WantedNot`];
    const streamName = freshStream(category);

    await withSubscription(store().subscribeToAll({ filter: { kind: 'eventType', types: [wanted] } }), async (reader) => {
      await reader.readUntilCaughtUp();
      const events = [newEvent(wanted), newEvent(unwanted), newEvent(wanted), newEvent(unwanted), newEvent(wanted)];
      const reading = reader.readUntilEvents([events[4]?.eventId ?? '']);
      await letPendingReadsWait();
      await append(streamName, events);

      const delivered = eventsIn(await reading);
      expect(delivered.map((event) => event.type)).toEqual([wanted, wanted, wanted]);
    });
  }, timeout);

  it('given a subscription waiting for live events, when it is closed, then the pending iteration ends without a dropped message', async () => {
    const category = freshCategory();
    const subscription = store().subscribeToAll({ filter: inCategory(category) });
    const reader = readerOf(subscription);
    await reader.readUntilCaughtUp();

    const pending = reader.next();
    await letPendingReadsWait();
    await subscription.close();
    expect((await pending).done).toBe(true);

    await append(freshStream(category), newEvents(1));
    expect((await reader.next()).done).toBe(true);
  }, timeout);

  it('given a subscription closed before it is read, when iterating it, then iteration ends without a dropped message', async () => {
    const subscription = store().subscribeToAll({ filter: inCategory(freshCategory()) });
    await subscription.close();

    const kinds: string[] = [];
    for await (const message of subscription) kinds.push(message.kind);
    expect(kinds).not.toContain('dropped');
    expect(kinds).not.toContain('event');
  }, timeout);

  it('given a subscription still catching up, when it is closed, then iteration ends without dropped and without further events', async () => {
    const category = freshCategory();
    await append(freshStream(category), newEvents(30));
    const subscription = store().subscribeToAll({ filter: inCategory(category) });
    const reader = readerOf(subscription);
    await reader.readUntil((messages) => eventsIn(messages).length >= 3);

    await subscription.close();
    const rest: string[] = [];
    for await (const message of subscription) rest.push(message.kind);
    expect(rest).toEqual([]);
  }, timeout);

  it('given a checkpoint at position 0/0, when subscribing after it, then every matching event is delivered, as from start', async () => {
    const category = freshCategory();
    const history = await append(freshStream(category), newEvents(2));
    await withSubscription(store().subscribeToAll({ after: { commit: 0n, prepare: 0n }, filter: inCategory(category) }), async (reader) => {
      expect(shapeOf(await reader.readUntilCaughtUp())).toEqual([...history, 'caughtUp']);
    });
  }, timeout);

  it.each([
    { argument: 'after.commit', options: { after: { commit: -1n, prepare: 0n } } },
    { argument: 'after.prepare', options: { after: { commit: 0n, prepare: 2n ** 63n } } },
    { argument: 'filter.categories[0]', options: { filter: { kind: 'streamCategory', categories: ['with-dash'] } } },
  ] as const)('given options with a bad $argument, when subscribing, then the only message is dropped with a Failure naming it', async ({ argument, options }) => {
    const messages: SubscriptionMessage[] = [];
    for await (const message of store().subscribeToAll(options)) messages.push(message);
    expect(messages).toEqual([{ kind: 'dropped', error: refusalOf(argument) }]);
  }, timeout);
};
