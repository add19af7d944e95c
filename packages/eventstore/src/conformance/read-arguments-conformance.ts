import type { EventFilter, EventStore } from '../port';
import { LARGEST_STORABLE } from '../read-options';
import { fail, freshCategory, freshStream, idsOf, newEvents, REFUSED_MAX_COUNTS, refusalOf, succeed } from './support';

/**
 * What readStream and readAll make of odd arguments: one rule for every store, so that a
 * caller's bug shows the same way whatever the store. Refusals are `Failure` values naming
 * the argument; nothing is clamped, rounded or ignored.
 */
export const readArgumentsConformance = (store: () => EventStore, timeout: number): void => {
  const inCategory = (category: string): EventFilter => ({ kind: 'streamCategory', categories: [category] });

  /** A stream of three events in a category of its own, so that a clamped read would return something. */
  const threeEvents = async () => {
    const category = freshCategory();
    const streamName = freshStream(category);
    const events = newEvents(3);
    await succeed(store().appendToStream(streamName, events, { expectedRevision: 'NO_STREAM' }));
    return { category, streamName, ids: events.map((event) => event.eventId) };
  };

  describe('readStream arguments', () => {
    it.each(REFUSED_MAX_COUNTS)('given a stream of 3 events, when reading it with maxCount %p, then it is refused as a Failure naming maxCount', async (maxCount) => {
      const { streamName } = await threeEvents();
      expect(await fail(store().readStream(streamName, { maxCount }))).toEqual(refusalOf('maxCount'));
    }, timeout);

    it('given a stream of 3 events, when reading it with maxCount 0, then nothing comes back', async () => {
      const { streamName } = await threeEvents();
      expect(await succeed(store().readStream(streamName, { maxCount: 0 }))).toEqual([]);
    }, timeout);

    it('given a stream of 3 events, when reading it with maxCount Number.MAX_SAFE_INTEGER, then all of it comes back', async () => {
      const { streamName, ids } = await threeEvents();
      expect(idsOf(await succeed(store().readStream(streamName, { maxCount: Number.MAX_SAFE_INTEGER })))).toEqual(ids);
    }, timeout);

    it('given a stream of 3 events, when reading it from revision -1, then it is refused as a Failure naming fromRevision', async () => {
      const { streamName } = await threeEvents();
      expect(await fail(store().readStream(streamName, { fromRevision: -1n }))).toEqual(refusalOf('fromRevision'));
    }, timeout);

    it.each([10n, LARGEST_STORABLE, 2n ** 64n])('given a stream of 3 events, when reading it from revision %p, past its end, then nothing comes back', async (fromRevision) => {
      const { streamName } = await threeEvents();
      expect(await succeed(store().readStream(streamName, { fromRevision }))).toEqual([]);
    }, timeout);
  });

  describe('readAll arguments', () => {
    it.each(REFUSED_MAX_COUNTS)('given events, when reading all with maxCount %p, then it is refused as a Failure naming maxCount', async (maxCount) => {
      const { category } = await threeEvents();
      expect(await fail(store().readAll({ maxCount, filter: inCategory(category) }))).toEqual(refusalOf('maxCount'));
    }, timeout);

    it('given events, when reading all with maxCount 0, then nothing comes back', async () => {
      const { category } = await threeEvents();
      expect(await succeed(store().readAll({ maxCount: 0, filter: inCategory(category) }))).toEqual([]);
    }, timeout);

    it('given events, when reading all with maxCount Number.MAX_SAFE_INTEGER, then every matching event comes back', async () => {
      const { category, ids } = await threeEvents();
      const all = await succeed(store().readAll({ maxCount: Number.MAX_SAFE_INTEGER, filter: inCategory(category) }));
      expect(idsOf(all)).toEqual(ids);
    }, timeout);

    it('given events, when reading all from position 0/0, then it reads from the beginning, like start', async () => {
      const { category, ids } = await threeEvents();
      const all = await succeed(store().readAll({ from: { commit: 0n, prepare: 0n }, filter: inCategory(category) }));
      expect(idsOf(all)).toEqual(ids);
    }, timeout);

    it('given events, when reading all from the largest position a store can hold, past every event, then nothing comes back', async () => {
      const { category } = await threeEvents();
      const from = { commit: LARGEST_STORABLE, prepare: LARGEST_STORABLE };
      expect(await succeed(store().readAll({ from, filter: inCategory(category) }))).toEqual([]);
    }, timeout);

    it.each([
      { argument: 'from.commit', value: -1n, from: { commit: -1n, prepare: 0n } },
      { argument: 'from.prepare', value: -1n, from: { commit: 0n, prepare: -1n } },
      { argument: 'from.commit', value: LARGEST_STORABLE + 1n, from: { commit: LARGEST_STORABLE + 1n, prepare: 0n } },
      { argument: 'from.prepare', value: 2n ** 64n, from: { commit: 0n, prepare: 2n ** 64n } },
    ])('given $argument $value, which no store can hold, when reading all from it, then it is refused as a Failure naming $argument', async ({ argument, from }) => {
      const { category } = await threeEvents();
      expect(await fail(store().readAll({ from, filter: inCategory(category) }))).toEqual(refusalOf(argument));
    }, timeout);

    it('given a category with a dash in it, when reading all by it, then it is refused as a Failure naming the category', async () => {
      const { category } = await threeEvents();
      const filter: EventFilter = { kind: 'streamCategory', categories: [category, `${category}-x`] };
      expect(await fail(store().readAll({ filter }))).toEqual(refusalOf('filter.categories[1]'));
    }, timeout);
  });
};
