export { connectEventStoreDb } from './connect';
export { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store';
export {
  checkpointStreamOf,
  createEventStoreDbCheckpointStore,
  type CheckpointClient,
  type CheckpointStore,
  type CheckpointStoreOptions,
  type CheckpointWriteOptions,
} from './checkpoint-store';
export { CHECKPOINT_CATEGORY } from './event-filter';
export { createEventStoreDbConsumerGroups, NO_PARK_REASON, type ConsumerGroupsOptions } from './consumer-groups';
export type {
  ClientGroupEvent,
  ClientGroupSettings,
  ClientGroupSubscription,
  ClientLinkedEvent,
  ClientNackAction,
  ConsumerGroupClient,
} from './consumer-group-client';
export { DEFAULT_RESUBSCRIBE_POLICY, type ResubscribePolicy } from './subscription';
export type {
  ClientAppendResult,
  ClientEventData,
  ClientFilter,
  ClientPosition,
  ClientReads,
  ClientRead,
  ClientReadAllOptions,
  ClientReadStreamOptions,
  ClientRecordedEvent,
  ClientResolvedEvent,
  ClientStreamState,
  ClientSubscribeOptions,
  ClientSubscription,
  DialectClient,
  EventStoreDbClient,
  KurrentDbClient,
} from './client-shape';
