export type {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  JsonObject,
  JsonPrimitive,
  JsonValue,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreError,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from './port';
export { comparePositions, parsePosition, positionOf, serialisePosition } from './position';
export { categoryOf, streamName } from './streams';
export type { DocumentChanges, ReadModelStore } from './read-model-port';
export { checkExpectedRevision } from './expected-revision';
export { createInMemoryEventStore, createInMemoryReadModelStore } from './in-memory';
