export { createInMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory-event-store';
export { createInMemoryReadModelStore } from './in-memory-read-model-store';
export { createInMemoryConsumerGroups } from './in-memory-consumer-groups';
