import type { TaskEither } from 'fp-ts/TaskEither';
import type { EventFilter, RecordedEvent, StoreError } from './port';

/**
 * Competing consumers: a named group shares the work of following the global log among any
 * number of consumers, in one process or many. The store, not the consumer, remembers what was
 * acknowledged, so a consumer that crashes loses nothing: what it held unacknowledged goes to
 * another consumer once the message timeout has passed. This is EventStoreDB's persistent
 * subscription to `$all`; SQLite and the in-memory store offer the same semantics through
 * their own bookkeeping, proven equal by the consumer-group conformance suite.
 *
 * Delivery is at least once, and in no promised order across consumers: a handler must be
 * idempotent, and must not rely on having seen earlier events (read what it needs from the
 * store instead).
 */
export type ConsumerGroupSettings = Readonly<{
  /** `start`: every event in the log; `end`: only events appended after the group is created. */
  startFrom: 'start' | 'end';
  /** Which events the group receives; absent for all. */
  filter?: EventFilter;
  /**
   * How many times one event is delivered again (after `nack('retry')` or a message timeout)
   * before it is parked: set aside, no longer delivered, listed by `parked`. 0 parks at the
   * first failure. A non-negative safe integer.
   */
  maxRetryCount: number;
  /** Milliseconds a delivered event may stay unacknowledged before it is delivered again. A positive safe integer. */
  messageTimeoutMs: number;
}>;

export type JoinOptions = Readonly<{
  /** Most events delivered to this consumer and not yet acknowledged. A positive safe integer; defaults to 10. */
  bufferSize?: number;
}>;

/** One event handed to one consumer of a group; settle it exactly once, by `ack` or `nack`. */
export type GroupDelivery = Readonly<{
  kind: 'event';
  event: RecordedEvent;
  /** How many times this event was delivered to the group before this delivery (0 the first time). */
  retryCount: number;
  /** Done: the group never delivers this event again (unless it is replayed from parked). */
  ack: () => Promise<void>;
  /** Not done: `retry` delivers it again (to any consumer) until the retries run out, `park` sets it aside at once. */
  nack: (action: 'retry' | 'park', reason: string) => Promise<void>;
}>;

/** What a consumer yields: deliveries, and `dropped` as the last message when it cannot go on. */
export type GroupMessage = GroupDelivery | Readonly<{ kind: 'dropped'; error: StoreError }>;

export interface GroupConsumer extends AsyncIterable<GroupMessage> {
  /** Leaves the group: events delivered to it and not settled go to other consumers after their timeout. */
  close(): Promise<void>;
}

export type ParkedEvent = Readonly<{ event: RecordedEvent; reason: string }>;

export interface ConsumerGroups {
  /**
   * Creates the group. A group that already exists is left exactly as it is and reported as
   * `exists`, so that many processes may start at once and each call `create`.
   */
  create(group: string, settings: ConsumerGroupSettings): TaskEither<StoreError, 'created' | 'exists'>;
  /** Joins an existing group as one more consumer. A group that does not exist yields only `dropped`. */
  join(group: string, options?: JoinOptions): GroupConsumer;
  /** The group's parked events, oldest first. A group that does not exist is a `Failure` naming it. */
  parked(group: string): TaskEither<StoreError, readonly ParkedEvent[]>;
  /** Delivers every parked event again, with its retry count reset; answers how many. A group that does not exist is a `Failure` naming it. */
  replayParked(group: string): TaskEither<StoreError, number>;
  /** Deletes the group and what it remembers. A group that does not exist is a `Failure` naming it. */
  delete(group: string): TaskEither<StoreError, void>;
}
