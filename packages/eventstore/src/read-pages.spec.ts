import * as E from 'fp-ts/Either';
import { createInMemoryEventStore } from './in-memory';
import type { EventStore, RecordedEvent, StoreError } from './port';
import { pagesAfter } from './read-pages';

const given = async (count: number): Promise<EventStore> => {
  const store = createInMemoryEventStore();
  for (let i = 0; i < count; i += 1) {
    const eventId = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    await store.appendToStream(`Thing-${i % 3}`, [{ eventId, type: 'Happened', data: { i }, metadata: {} }], { expectedRevision: 'ANY' })();
  }
  return store;
};

const pagesOf = async (pages: AsyncGenerator<E.Either<StoreError, readonly RecordedEvent[]>>): Promise<readonly (readonly number[])[]> => {
  const read: (readonly number[])[] = [];
  for await (const page of pages) {
    if (E.isLeft(page)) throw new Error(page.left.kind);
    read.push(page.right.map((event) => Number(event.data.i)));
  }
  return read;
};

describe('pagesAfter: the whole history, page by page', () => {
  it('given 7 events, when read from the start in pages of 3, then every event comes once, in order', async () => {
    const store = await given(7);

    expect(await pagesOf(pagesAfter(store, 'start', 3))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('given a position, when read after it, then the event at that position is not read again', async () => {
    const store = await given(5);
    const all = await store.readAll()();
    const third = E.isRight(all) ? all.right[2] : undefined;
    if (third === undefined) throw new Error('no third event');

    expect(await pagesOf(pagesAfter(store, third.position, 10))).toEqual([[3, 4]]);
  });

  it('given a store that fails, when read, then the failure is the last page', async () => {
    const failure: StoreError = { kind: 'Unavailable', message: 'down' };
    const failing = { readAll: () => async () => E.left(failure) };
    const pages: E.Either<StoreError, readonly RecordedEvent[]>[] = [];

    for await (const page of pagesAfter(failing, 'start', 10)) pages.push(page);

    expect(pages).toEqual([E.left(failure)]);
  });
});
