import * as E from 'fp-ts/Either';
import { describeEventStoreConformance } from '../conformance';
import type { NewEvent } from '../port';
import { positionOf } from '../position';
import { createInMemoryEventStore } from './in-memory-event-store';

describeEventStoreConformance('in-memory event store', async () => {
  const store = createInMemoryEventStore();
  return { store, teardown: () => store.close() };
}, { globalChain: true });

const event = (eventId: string, data: NewEvent['data'] = {}): NewEvent => ({ eventId, type: 'Happened', data, metadata: {} });

describe('in-memory event store, beyond the port', () => {
  it('given an empty store, when events are appended, then positions are 1-based global sequence numbers', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a-1', [event('e1'), event('e2')], { expectedRevision: 'NO_STREAM' })();
    const result = await store.appendToStream('b-1', [event('e3')], { expectedRevision: 'NO_STREAM' })();

    expect(result).toEqual(E.right({ nextExpectedRevision: 0n, position: positionOf(3n) }));
    const all = await store.readAll()();
    expect(E.isRight(all) && all.right.map((recorded) => recorded.position)).toEqual([
      positionOf(1n),
      positionOf(2n),
      positionOf(3n),
    ]);
  });

  it('given a stored event, when it is read, then it is deeply frozen', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a-1', [event('e1', { nested: { list: [1] } })], { expectedRevision: 'ANY' })();
    const read = await store.readStream('a-1')();
    const stored = E.isRight(read) ? read.right[0] : undefined;

    expect(stored && Object.isFrozen(stored) && Object.isFrozen(stored.position)).toBe(true);
    expect(stored?.data['nested']).toEqual({ list: [1] });
    expect(Object.isFrozen(stored?.data['nested'])).toBe(true);
  });

  it('given a number JSON cannot hold, when appended, then it is kept as a disk-backed store would keep it', async () => {
    const store = createInMemoryEventStore();
    await store.appendToStream('a-1', [event('e1', { ratio: Number.NaN })], { expectedRevision: 'ANY' })();
    const read = await store.readStream('a-1')();
    expect(E.isRight(read) && read.right[0]?.data).toEqual({ ratio: null });
  });

  it('given a for-await loop, when it breaks, then the subscription is closed', async () => {
    const store = createInMemoryEventStore();
    const subscription = store.subscribeToAll();
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
    }
    await store.appendToStream('a-1', [event('e1')], { expectedRevision: 'ANY' })();
    expect((await subscription[Symbol.asyncIterator]().next()).done).toBe(true);
  });

  it('given next() called twice without waiting, when events arrive, then each call gets its own event in order', async () => {
    const store = createInMemoryEventStore();
    const iterator = store.subscribeToAll({ after: positionOf(0n) })[Symbol.asyncIterator]();
    await iterator.next();
    const [first, second] = [iterator.next(), iterator.next()];
    await store.appendToStream('a-1', [event('e1'), event('e2')], { expectedRevision: 'ANY' })();

    const ids = (await Promise.all([first, second])).map((result) =>
      result.done !== true && result.value.kind === 'event' ? result.value.event.eventId : result.value,
    );
    expect(ids).toEqual(['e1', 'e2']);
    await store.close();
  });
});
