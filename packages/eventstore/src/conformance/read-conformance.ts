import type { EventStore, NewEvent, Position, RecordedEvent } from '../port';
import { comparePositions } from '../position';
import { freshCategory, freshStream, idsOf, newEvent, newEvents, succeed } from './support';

/**
 * readStream and readAll. Global reads always filter by a category or event type of the
 * test's own, because a real server holds other tests' (and other runs') events too.
 */
export const readConformance = (store: () => EventStore, timeout: number): void => {
  /** Appends each batch in turn, so the batches' order is the global order. */
  const appendInTurn = async (batches: ReadonlyArray<readonly [streamName: string, events: readonly NewEvent[]]>) => {
    for (const [streamName, events] of batches) {
      await succeed(store().appendToStream(streamName, events, { expectedRevision: 'ANY' }));
    }
    return batches.flatMap(([, events]) => events.map((event) => event.eventId));
  };

  const expectStrictlyIncreasing = (events: readonly RecordedEvent[]) => {
    events.slice(1).forEach((event, index) => {
      const previous = events[index];
      expect(previous === undefined ? -1 : comparePositions(previous.position, event.position)).toBeLessThan(0);
    });
  };

  describe('readStream', () => {
    it('given a stream that was never written, when reading it, then it is an empty history rather than an error', async () => {
      expect(await succeed(store().readStream(freshStream()))).toEqual([]);
    }, timeout);

    it('given a stream of 10 events, when reading from revision 3 with maxCount 4, then revisions 3 to 6 come back', async () => {
      const streamName = freshStream();
      const events = newEvents(10);
      await succeed(store().appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));

      const page = await succeed(store().readStream(streamName, { fromRevision: 3n, maxCount: 4 }));
      expect(page.map((event) => event.revision)).toEqual([3n, 4n, 5n, 6n]);
      expect(idsOf(page)).toEqual(events.slice(3, 7).map((event) => event.eventId));
      expect(page.every((event) => event.streamName === streamName)).toBe(true);
    }, timeout);

    it('given a stream of 10 events, when reading from revision 7 with maxCount 100, then only the rest comes back', async () => {
      const streamName = freshStream();
      await succeed(store().appendToStream(streamName, newEvents(10), { expectedRevision: 'NO_STREAM' }));
      const page = await succeed(store().readStream(streamName, { fromRevision: 7n, maxCount: 100 }));
      expect(page.map((event) => event.revision)).toEqual([7n, 8n, 9n]);
    }, timeout);

    it('given a stream of 3 events, when reading from revision 3, then nothing comes back', async () => {
      const streamName = freshStream();
      await succeed(store().appendToStream(streamName, newEvents(3), { expectedRevision: 'NO_STREAM' }));
      expect(await succeed(store().readStream(streamName, { fromRevision: 3n }))).toEqual([]);
    }, timeout);

    it('given appends in several calls, when reading the stream, then revisions run 0, 1, 2… without gaps', async () => {
      const streamName = freshStream();
      for (const count of [1, 3, 2]) {
        await succeed(store().appendToStream(streamName, newEvents(count), { expectedRevision: 'ANY' }));
      }
      const stored = await succeed(store().readStream(streamName));
      expect(stored.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      expectStrictlyIncreasing(stored);
    }, timeout);
  });

  describe('readAll global order', () => {
    it('given appends to three streams in turn, when reading all of the category, then events come in append order with strictly increasing positions', async () => {
      const category = freshCategory();
      const [a, b, c] = [freshStream(category), freshStream(category), freshStream(category)];
      const expected = await appendInTurn([
        [a, newEvents(2)],
        [b, newEvents(1)],
        [a, newEvents(1)],
        [c, newEvents(3)],
        [b, newEvents(1)],
      ]);

      const all = await succeed(store().readAll({ filter: { kind: 'streamCategory', categories: [category] } }));
      expect(idsOf(all)).toEqual(expected);
      expectStrictlyIncreasing(all);
    }, timeout);

    it('given events read by stream and read globally, when compared, then they carry the same positions', async () => {
      const category = freshCategory();
      const streamName = freshStream(category);
      await appendInTurn([[streamName, newEvents(3)], [freshStream(category), newEvents(1)], [streamName, newEvents(1)]]);

      const byStream = await succeed(store().readStream(streamName));
      const global = await succeed(store().readAll({ filter: { kind: 'streamCategory', categories: [category] } }));
      expect(global.filter((event) => event.streamName === streamName)).toEqual(byStream);
    }, timeout);

    it('given five events, when reading all from the position of the second, then the second is included', async () => {
      const category = freshCategory();
      await appendInTurn([[freshStream(category), newEvents(2)], [freshStream(category), newEvents(3)]]);
      const filter = { kind: 'streamCategory', categories: [category] } as const;
      const all = await succeed(store().readAll({ filter }));
      const second = all[1];
      expect(second).toBeDefined();

      const fromSecond = await succeed(store().readAll({ from: second?.position ?? 'start', filter }));
      expect(idsOf(fromSecond)).toEqual(idsOf(all.slice(1)));
    }, timeout);

    it('given five events, when reading all with maxCount 2, then only the first two come back', async () => {
      const category = freshCategory();
      const expected = await appendInTurn([[freshStream(category), newEvents(5)]]);
      const page = await succeed(store().readAll({ maxCount: 2, filter: { kind: 'streamCategory', categories: [category] } }));
      expect(idsOf(page)).toEqual(expected.slice(0, 2));
    }, timeout);

    it('given 25 events in several streams, when paging through readAll 4 at a time, then every event is seen once, in order', async () => {
      const category = freshCategory();
      const streams = [freshStream(category), freshStream(category), freshStream(category)];
      const expected = await appendInTurn(
        Array.from({ length: 5 }, (_, index) => [streams[index % 3] ?? streams[0] ?? '', newEvents(5)] as const),
      );
      const filter = { kind: 'streamCategory', categories: [category] } as const;

      const seen: RecordedEvent[] = [];
      let from: Position | 'start' = 'start';
      for (let page = 0; page < 100; page += 1) {
        // `from` is inclusive, so each later page asks for one more and skips the event
        // it already has: the usual way to page an inclusive cursor over opaque positions.
        const resuming = from !== 'start';
        const events: readonly RecordedEvent[] = await succeed(store().readAll({ from, maxCount: resuming ? 5 : 4, filter }));
        const fresh = resuming ? events.slice(1) : events;
        seen.push(...fresh);
        const last: RecordedEvent | undefined = events.at(-1);
        if (fresh.length === 0 || last === undefined) break;
        from = last.position;
      }
      expect(idsOf(seen)).toEqual(expected);
    }, timeout);
  });

  describe('readAll filters', () => {
    it('given categories that share a prefix, when filtering by one category, then only streams named <category>-… match', async () => {
      const category = freshCategory();
      const expected = await appendInTurn([[freshStream(category), newEvents(2)]]);
      await appendInTurn([[freshStream(`${category}x`), newEvents(2)], [`${category}x-${category}`, newEvents(1)]]);

      const matched = await succeed(store().readAll({ filter: { kind: 'streamCategory', categories: [category] } }));
      expect(idsOf(matched)).toEqual(expected);
    }, timeout);

    it('given a stream named exactly like the category, without a dash, when filtering by the category, then it does not match', async () => {
      const category = freshCategory();
      await appendInTurn([[category, newEvents(1)]]);
      const expected = await appendInTurn([[freshStream(category), newEvents(1)]]);

      const matched = await succeed(store().readAll({ filter: { kind: 'streamCategory', categories: [category] } }));
      expect(idsOf(matched)).toEqual(expected);
    }, timeout);

    it('given an empty list of categories or of types, when filtering, then nothing matches', async () => {
      const streamName = freshStream();
      await succeed(store().appendToStream(streamName, newEvents(2), { expectedRevision: 'NO_STREAM' }));
      const [first] = await succeed(store().readStream(streamName, { maxCount: 1 }));
      const from = first?.position ?? 'start';

      expect(await succeed(store().readAll({ from, filter: { kind: 'streamCategory', categories: [] } }))).toEqual([]);
      expect(await succeed(store().readAll({ from, filter: { kind: 'eventType', types: [] } }))).toEqual([]);
    }, timeout);

    it('given three categories, when filtering by two of them, then events of both come in global order', async () => {
      const [first, second, third] = [freshCategory(), freshCategory(), freshCategory()];
      const [a1, c1, b1, a2] = [newEvents(1), newEvents(1), newEvents(2), newEvents(1)];
      await appendInTurn([
        [freshStream(first), a1],
        [freshStream(third), c1],
        [freshStream(second), b1],
        [freshStream(first), a2],
      ]);

      const matched = await succeed(store().readAll({ filter: { kind: 'streamCategory', categories: [first, second] } }));
      expect(idsOf(matched)).toEqual([...a1, ...b1, ...a2].map((event) => event.eventId));
    }, timeout);

    it('given event types where one is a prefix of another, when filtering by type, then only exact type names match', async () => {
      const category = freshCategory();
      const [added, addedTwice, removed] = [`${category}Added`, `${category}AddedTwice`, `${category}Removed`];
      const events = [newEvent(added), newEvent(addedTwice), newEvent(removed), newEvent(added)];
      const streamName = freshStream(category);
      await succeed(store().appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));
      // Start at this test's first event: the type filter alone would scan a shared server's whole history.
      const [first] = await succeed(store().readStream(streamName, { maxCount: 1 }));
      const from = first?.position ?? 'start';

      const onlyAdded = await succeed(store().readAll({ from, filter: { kind: 'eventType', types: [added] } }));
      expect(onlyAdded.map((event) => event.type)).toEqual([added, added]);

      const addedOrRemoved = await succeed(store().readAll({ from, filter: { kind: 'eventType', types: [added, removed] } }));
      expect(addedOrRemoved.map((event) => event.type)).toEqual([added, removed, added]);
    }, timeout);

    it('given a filter, when reading with maxCount, then maxCount counts matching events only', async () => {
      const category = freshCategory();
      const other = freshCategory();
      const expected = await appendInTurn([
        [freshStream(category), newEvents(1)],
        [freshStream(other), newEvents(5)],
        [freshStream(category), newEvents(2)],
      ]);
      const page = await succeed(store().readAll({ maxCount: 2, filter: { kind: 'streamCategory', categories: [category] } }));
      expect(idsOf(page)).toEqual([expected[0], expected[6]]);
    }, timeout);
  });
};
