import * as E from 'fp-ts/Either';
import { describeReadModelStoreConformance } from '../conformance';
import { createInMemoryReadModelStore } from './in-memory-read-model-store';

describeReadModelStoreConformance('in-memory read model store', async () => ({
  store: createInMemoryReadModelStore(),
  teardown: async () => undefined,
}));

describe('in-memory read model store, beyond the port', () => {
  it('given ids beyond the Basic Multilingual Plane, when listing, then they sort by code point as SQLite would', async () => {
    const store = createInMemoryReadModelStore();
    const upserts = [['😀', {}], ['\uffff', {}], ['a', {}]] as const;
    await store.commit('p', { upserts, deletes: [] }, { commit: 1n, prepare: 1n })();

    const listed = await store.list('p')();
    expect(E.isRight(listed) && listed.right.map(([id]) => id)).toEqual(['a', '\uffff', '😀']);
  });

  it('given a committed document, when it is read, then it is deeply frozen', async () => {
    const store = createInMemoryReadModelStore();
    await store.commit('p', { upserts: [['d', { inner: { list: [1] } }]], deletes: [] }, { commit: 1n, prepare: 1n })();
    const read = await store.get('p', 'd')();
    const document = E.isRight(read) ? read.right : undefined;
    expect(Object.isFrozen(document) && Object.isFrozen(document?.['inner'])).toBe(true);
  });
});
