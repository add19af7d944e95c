import { describeEventStoreConformance } from '../conformance';
import { createInMemoryEventStore } from './in-memory-event-store';

describeEventStoreConformance('in-memory event store', async () => {
  const store = createInMemoryEventStore();
  return { store, teardown: () => store.close() };
});
