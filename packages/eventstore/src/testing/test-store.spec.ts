import * as E from 'fp-ts/Either';
import { createInMemoryEventStore } from '../in-memory';
import { provideTestStores, testStore } from './test-store';

describe('the store test helpers take when none is named', () => {
  afterEach(() => provideTestStores(createInMemoryEventStore));

  it('given no factory provided, when a store is asked for, then each call gives a fresh in-memory store', async () => {
    const first = testStore();
    await first.appendToStream('Thing-1', [{ eventId: '00000000-0000-4000-8000-000000000001', type: 'Happened', data: {}, metadata: {} }], { expectedRevision: 'ANY' })();

    const second = testStore();

    expect(await second.readAll()()).toEqual(E.right([]));
  });

  it('given a factory provided by the runner, when a store is asked for, then it comes from that factory', () => {
    const provided = createInMemoryEventStore();
    provideTestStores(() => provided);

    expect(testStore()).toBe(provided);
  });
});
