export { createInMemoryEventStore } from './in-memory-event-store';
export { createInMemoryReadModelStore } from './in-memory-read-model-store';
