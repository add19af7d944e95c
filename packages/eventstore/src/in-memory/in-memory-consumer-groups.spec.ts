import { describeConsumerGroupConformance } from '../conformance';
import { createInMemoryConsumerGroups } from './in-memory-consumer-groups';
import { createInMemoryEventStore } from './in-memory-event-store';

describeConsumerGroupConformance('in-memory consumer groups', async () => {
  const store = createInMemoryEventStore();
  return { store, groups: createInMemoryConsumerGroups(store), close: () => store.close() };
});
