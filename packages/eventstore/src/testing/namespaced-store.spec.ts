import * as E from 'fp-ts/Either';
import { describeEventStoreConformance } from '../conformance';
import { createInMemoryEventStore } from '../in-memory';
import { namespacedStore } from './namespaced-store';

// A namespaced view is itself an event store: it must pass the same suite as every adapter.
describeEventStoreConformance('a namespaced view of the in-memory store', async () => {
  const shared = createInMemoryEventStore();
  await shared.appendToStream('UserDevices-someone-else', [{ eventId: '6f1d3a52-9c1b-4f0e-8a5d-3b2c1d0e9f8a', type: 'Noise', data: {}, metadata: {} }], { expectedRevision: 'ANY' })();
  return { store: namespacedStore(shared, 'ns1'), teardown: () => shared.close() };
});

describe('namespaced views of one store', () => {
  it('given two views that use the same stream names and event ids, when both append, then each reads back only its own events', async () => {
    const shared = createInMemoryEventStore();
    const first = namespacedStore(shared, 'a');
    const second = namespacedStore(shared, 'b');
    const event = { eventId: '6f1d3a52-9c1b-4f0e-8a5d-3b2c1d0e9f8a', type: 'Happened', data: {}, metadata: {} };
    for (const view of [first, second]) expect(E.isRight(await view.appendToStream('Account-1', [event], { expectedRevision: 'NO_STREAM' })())).toBe(true);

    const read = await first.readStream('Account-1')();
    expect(E.isRight(read) && read.right.map((e) => [e.streamName, e.eventId])).toEqual([['Account-1', event.eventId]]);
    const all = await second.readAll()();
    expect(E.isRight(all) && all.right.length).toBe(1);
  });
});
