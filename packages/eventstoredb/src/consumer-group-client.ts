import type { ClientFilter, ClientRecordedEvent } from './client-shape';

/**
 * The members of an EventStoreDB client that consumer groups use: persistent subscriptions to
 * `$all` (EventStoreDB 21.10.1 or later, for GetInfo) and a stream read that resolves links, for
 * the parked events. `@eventstore/db-client` 6.x and `@kurrent/kurrentdb-client` 1.x both fit; nothing here
 * differs between them.
 */

/** The settings the adapter sends in full, so that no client default decides them. */
export type ClientGroupSettings = Readonly<{
  startFrom: 'start' | 'end';
  resolveLinkTos: boolean;
  extraStatistics: boolean;
  messageTimeout: number;
  maxRetryCount: number;
  checkPointAfter: number;
  checkPointLowerBound: number;
  checkPointUpperBound: number;
  maxSubscriberCount: number;
  liveBufferSize: number;
  readBatchSize: number;
  historyBufferSize: number;
  consumerStrategyName: 'RoundRobin';
}>;

/** An event handed out by a persistent subscription, with how many times it was retried. */
export type ClientGroupEvent = Readonly<{ event?: ClientRecordedEvent; link?: ClientRecordedEvent; retryCount: number }>;

/** A read that resolves links: `link` is the `$>` event, `event` what it points to (absent if gone). */
export type ClientLinkedEvent = Readonly<{ event?: ClientRecordedEvent; link?: ClientRecordedEvent }>;

export type ClientNackAction = 'park' | 'retry' | 'skip' | 'stop';

/** One consumer's connection to a group: a Node.js readable stream of events, plus settling. */
export interface ClientGroupSubscription {
  on(event: 'data', listener: (resolved: ClientGroupEvent) => void): unknown;
  /** `confirmation` is the server's first answer, before any event. */
  on(event: 'confirmation' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  /**
   * Node's `pipe` event: both clients pipe the gRPC call into the subscription, so this hands
   * over the call's request side, which leaving half-closes (see group-consumer.ts).
   */
  on(event: 'pipe', listener: (source: unknown) => void): unknown;
  // Settled by id (the link's, else the event's): any event the subscription handed out will do.
  ack(...events: ClientLinkedEvent[]): Promise<void>;
  nack(action: ClientNackAction, reason: string, ...events: ClientLinkedEvent[]): Promise<void>;
  unsubscribe(): Promise<void>;
}

export type ConsumerGroupClient = Readonly<{
  createPersistentSubscriptionToAll: (group: string, settings: ClientGroupSettings, options: Readonly<{ filter: ClientFilter }>) => Promise<void>;
  subscribeToPersistentSubscriptionToAll: (group: string, options: Readonly<{ bufferSize: number }>) => ClientGroupSubscription;
  deletePersistentSubscriptionToAll: (group: string) => Promise<void>;
  /** Only asked whether the group exists: a missing one throws `persistent-subscription-does-not-exist`. */
  getPersistentSubscriptionToAllInfo: (group: string) => Promise<unknown>;
  replayParkedMessagesToAll: (group: string) => Promise<void>;
  readStream: (
    streamName: string,
    options: Readonly<{ fromRevision: 'start'; direction: 'forwards'; resolveLinkTos: true; maxCount: number }>,
  ) => AsyncIterable<ClientLinkedEvent> & Readonly<{ cancel?: () => Promise<void> }>;
}>;
