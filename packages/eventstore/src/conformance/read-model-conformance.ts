import { randomUUID } from 'node:crypto';
import type { Position } from '../port';
import type { ReadModelStore } from '../read-model-port';
import type { ConformanceOptions } from './event-store-conformance';
import { DEFAULT_TIMEOUT_MS, eachTestFixture, succeed } from './support';

export type ReadModelStoreFixture = Readonly<{ store: ReadModelStore; teardown: () => Promise<void> }>;

// Beyond Number.MAX_SAFE_INTEGER on purpose: a store that keeps positions as JS numbers fails here.
const farPosition: Position = { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_991n };
const position = (sequence: bigint): Position => ({ commit: sequence, prepare: sequence });
const noChanges = { upserts: [], deletes: [] } as const;

/** Registers the ReadModelStore conformance suite with Jest; projection names are fresh per test. */
export const describeReadModelStoreConformance = (
  name: string,
  factory: () => Promise<ReadModelStoreFixture>,
  options: ConformanceOptions = {},
): void => {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  describe(`${name} conforms to the ReadModelStore port`, () => {
    const store = eachTestFixture<ReadModelStore>(factory, timeout);
    const freshProjection = () => `projection-${randomUUID()}`;

    it('given a projection never committed, when reading it, then its checkpoint is start and it has no documents', async () => {
      const projection = freshProjection();
      expect(await succeed(store().checkpoint(projection))).toBe('start');
      expect(await succeed(store().get(projection, 'any'))).toBeUndefined();
      expect(await succeed(store().list(projection))).toEqual([]);
    }, timeout);

    it('given a commit, when reading back, then documents and checkpoint are both there, positions exact beyond 2^53', async () => {
      const projection = freshProjection();
      const document = { name: 'Clé 🔐', devices: [{ id: 'd-1', active: true }], note: null };
      await succeed(store().commit(projection, { upserts: [['user-1', document]], deletes: [] }, farPosition));

      expect(await succeed(store().get(projection, 'user-1'))).toEqual(document);
      expect(await succeed(store().checkpoint(projection))).toEqual(farPosition);
    }, timeout);

    it('given an existing document, when upserting it again, then the new document replaces the old one whole', async () => {
      const projection = freshProjection();
      await succeed(store().commit(projection, { upserts: [['a', { kept: 1, dropped: 2 }]], deletes: [] }, position(1n)));
      await succeed(store().commit(projection, { upserts: [['a', { kept: 3 }]], deletes: [] }, position(2n)));

      expect(await succeed(store().get(projection, 'a'))).toEqual({ kept: 3 });
      expect(await succeed(store().checkpoint(projection))).toEqual(position(2n));
    }, timeout);

    it('given documents, when a commit deletes some (and one that never existed), then only those are gone', async () => {
      const projection = freshProjection();
      const upserts = [['a', { n: 1 }], ['b', { n: 2 }], ['c', { n: 3 }]] as const;
      await succeed(store().commit(projection, { upserts, deletes: [] }, position(1n)));
      await succeed(store().commit(projection, { upserts: [['d', { n: 4 }]], deletes: ['b', 'never'] }, position(2n)));

      expect(await succeed(store().list(projection))).toEqual([['a', { n: 1 }], ['c', { n: 3 }], ['d', { n: 4 }]]);
      expect(await succeed(store().get(projection, 'b'))).toBeUndefined();
    }, timeout);

    it('given documents committed out of order, when listing, then they come ordered by id', async () => {
      const projection = freshProjection();
      const ids = ['m', 'B', 'a', 'user-10', 'user-2', 'Z', '0'];
      await succeed(store().commit(projection, { upserts: ids.map((id) => [id, { id }] as const), deletes: [] }, position(1n)));

      const listed = await succeed(store().list(projection));
      expect(listed.map(([id]) => id)).toEqual(['0', 'B', 'Z', 'a', 'm', 'user-10', 'user-2']);
    }, timeout);

    it('given a commit with no document changes, when reading the checkpoint, then it has still moved', async () => {
      const projection = freshProjection();
      await succeed(store().commit(projection, noChanges, position(7n)));
      expect(await succeed(store().checkpoint(projection))).toEqual(position(7n));
    }, timeout);

    it('given two projections using the same ids, when one commits, deletes or resets, then the other is untouched', async () => {
      const [left, right] = [freshProjection(), freshProjection()];
      await succeed(store().commit(left, { upserts: [['same', { side: 'left' }]], deletes: [] }, position(1n)));
      await succeed(store().commit(right, { upserts: [['same', { side: 'right' }]], deletes: [] }, position(2n)));
      await succeed(store().commit(left, { upserts: [], deletes: ['same'] }, position(3n)));

      expect(await succeed(store().get(right, 'same'))).toEqual({ side: 'right' });
      await succeed(store().reset(left));
      expect(await succeed(store().list(right))).toEqual([['same', { side: 'right' }]]);
      expect(await succeed(store().checkpoint(right))).toEqual(position(2n));
    }, timeout);

    it('given a projection with documents, when it is reset, then documents and checkpoint are forgotten and it can be rebuilt', async () => {
      const projection = freshProjection();
      await succeed(store().commit(projection, { upserts: [['a', { n: 1 }]], deletes: [] }, position(5n)));
      await succeed(store().reset(projection));

      expect(await succeed(store().checkpoint(projection))).toBe('start');
      expect(await succeed(store().list(projection))).toEqual([]);
      await succeed(store().commit(projection, { upserts: [['b', { n: 2 }]], deletes: [] }, position(1n)));
      expect(await succeed(store().list(projection))).toEqual([['b', { n: 2 }]]);
    }, timeout);

    it('given a committed document, when the caller mutates what it committed or what it read, then the stored document is unchanged', async () => {
      const projection = freshProjection();
      const document = { tags: ['a'], inner: { value: 'original' } };
      await succeed(store().commit(projection, { upserts: [['doc', document]], deletes: [] }, position(1n)));
      document.tags.push('b');
      document.inner.value = 'changed';

      const read = await succeed(store().get(projection, 'doc'));
      // Reflect.set fails quietly on frozen objects, so this fits freezing and copying stores alike.
      Reflect.set(read ?? {}, 'inner', 'changed');
      expect(await succeed(store().get(projection, 'doc'))).toEqual({ tags: ['a'], inner: { value: 'original' } });
    }, timeout);
  });
};
