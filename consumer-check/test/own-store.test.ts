import { createInMemoryEventStore, createInMemoryReadModelStore, type EventStore, type ReadModelStore } from '@ssp/eventstore';
import { describeEventStoreConformance, describeReadModelStoreConformance } from '@ssp/eventstore/conformance';

// Stores written in this project, run through the exported conformance suites: thin wrappers
// over the in-memory stores that count what passes through them, as a team's own store would
// wrap its database client.
const countingEventStore = (inner: EventStore): EventStore & Readonly<{ appends: () => number }> => {
  let appends = 0;
  return {
    ...inner,
    appendToStream: (streamName, events, options) => {
      appends += 1;
      return inner.appendToStream(streamName, events, options);
    },
    appends: () => appends,
  };
};

const countingReadModelStore = (inner: ReadModelStore): ReadModelStore & Readonly<{ commits: () => number }> => {
  let commits = 0;
  return {
    ...inner,
    commit: (projection, changes, checkpoint) => {
      commits += 1;
      return inner.commit(projection, changes, checkpoint);
    },
    commits: () => commits,
  };
};

describeEventStoreConformance('a store written by the consumer', async () => {
  const store = countingEventStore(createInMemoryEventStore());
  return { store, teardown: () => store.close() };
});

describeReadModelStoreConformance('a read-model store written by the consumer', async () => {
  const store = countingReadModelStore(createInMemoryReadModelStore());
  return { store, teardown: async () => undefined };
});

describe('the counting store', () => {
  it('given two appends, then it counted two', async () => {
    const store = countingEventStore(createInMemoryEventStore());
    const event = () => ({ eventId: crypto.randomUUID(), type: 'Counted', data: {}, metadata: {} });
    await store.appendToStream('Count-1', [event()], { expectedRevision: 'NO_STREAM' })();
    await store.appendToStream('Count-1', [event()], { expectedRevision: 0n })();
    expect(store.appends()).toBe(2);
  });
});
