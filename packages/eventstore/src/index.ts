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
export type {
  ConsumerGroupSettings,
  ConsumerGroups,
  GroupConsumer,
  GroupDelivery,
  GroupMessage,
  JoinOptions,
  ParkedEvent,
} from './consumer-group-port';
export { comparePositions, parsePosition, positionOf, serialisePosition } from './position';
export { categoryOf, streamName } from './streams';
export { pagesAfter } from './read-pages';
// The stored-event format: plain JSON, and each event's place in its stream's hash chain.
export { asJsonObject, toJsonObject, toJsonValue } from './json';
export { canonicalJson, type CanonicalInput } from './canonical-json';
export { sha256Hex } from './sha256';
export { chainEvent, chainEvents, hashEvent, storedHashOf, type UnchainedEvent } from './hash-chain';
export { hashLogEntry, linkInLog, type LogEntry, type LogLink } from './log-chain';
export type { DocumentChanges, ReadModelStore } from './read-model-port';
export {
  createInMemoryConsumerGroups,
  createInMemoryEventStore,
  createInMemoryReadModelStore,
  type InMemoryEventStoreOptions,
} from './in-memory';

// For adapters: the rules every event store applies, written once so that the stores cannot
// drift apart. `guardedEventStore` applies the lifecycle and argument rules around an
// adapter's own operations; the catch-up subscription serves stores with sequence positions.
export { checkExpectedRevision } from './expected-revision';
export { guardedEventStore, type EventStoreOperations } from './guarded-store';
export {
  LARGEST_STORABLE,
  readsNothing,
  validReadAllOptions,
  validReadStreamOptions,
  validSubscribeOptions,
  type ValidReadAllOptions,
  type ValidReadStreamOptions,
  type ValidSubscribeOptions,
} from './read-options';
export { filterableCategoryOf, matchesEventFilter } from './event-filter';
export { closedStoreError, createStoreLifecycle, droppedSubscription, type StoreLifecycle } from './store-lifecycle';
export { firstSequenceFrom } from './position';
export { createNewsFeed, type NewsFeed } from './news-feed';
// For consumer-group adapters: the settings rules and the consumer's iteration, written once.
export {
  DEFAULT_BUFFER_SIZE,
  deletedGroupError,
  messageTimeoutReason,
  missingGroupError,
  validBufferSize,
  validGroupName,
  validGroupSettings,
} from './consumer-group-settings';
export { pulledGroupConsumer, type Pulled } from './group-consumer';
export {
  catchUpSubscription,
  type CatchUpTuning,
  type LogPage,
  type SequencedLog,
} from './catch-up-subscription';
