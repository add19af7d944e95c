import type { TaskEither } from 'fp-ts/TaskEither';

/**
 * The event store port: the few operations that the command handlers and projections need,
 * small enough that an in-memory map, an embedded SQLite file and an EventStoreDB cluster all
 * implement it without contortion. Semantics that every adapter must share are proven by the
 * conformance suite in `@ssp/eventstore/conformance`.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

/** An event as the writer hands it to the store. `eventId` is a UUID chosen by the writer. */
export type NewEvent = Readonly<{
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}>;

/**
 * A place in the store's global order. Opaque to callers except for comparison and
 * serialisation: EventStoreDB gives a `{ commit, prepare }` pair, the other stores use one
 * sequence number for both.
 */
export type Position = Readonly<{ commit: bigint; prepare: bigint }>;

/** An event as the store gives it back. */
export type RecordedEvent = Readonly<{
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  streamName: string;
  /** 0-based index of the event within its stream. */
  revision: bigint;
  position: Position;
}>;

/**
 * What the writer believes about the stream before appending:
 * `ANY` skips the check, `NO_STREAM` requires that the stream has no event,
 * `STREAM_EXISTS` requires at least one, and a bigint requires that the last event has
 * exactly that revision.
 */
export type ExpectedRevision = 'ANY' | 'NO_STREAM' | 'STREAM_EXISTS' | bigint;

export type AppendResult = Readonly<{
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: Position;
}>;

export type StoreError =
  | Readonly<{
      kind: 'WrongExpectedRevision';
      streamName: string;
      expected: ExpectedRevision;
      /** Revision of the stream's last event, or `NO_STREAM` when it has none. */
      actual: bigint | 'NO_STREAM';
    }>
  | Readonly<{ kind: 'AppendTooLarge'; streamName: string; message: string }>
  | Readonly<{ kind: 'Unavailable'; message: string }>
  | Readonly<{ kind: 'Failure'; message: string }>;

/** Restricts global reads and subscriptions. Categories follow the `Category-id` convention. */
export type EventFilter =
  | Readonly<{ kind: 'streamCategory'; categories: readonly string[] }>
  | Readonly<{ kind: 'eventType'; types: readonly string[] }>;

export type ReadStreamOptions = Readonly<{
  /** First revision to read (inclusive). Defaults to 0. */
  fromRevision?: bigint;
  /** Most events to return. Defaults to all. */
  maxCount?: number;
}>;

export type ReadAllOptions = Readonly<{
  /** First position to read (inclusive). `start` or absent reads from the beginning. */
  from?: Position | 'start';
  /** Most events to return in this page. Defaults to all. */
  maxCount?: number;
  filter?: EventFilter;
}>;

export type SubscribeOptions = Readonly<{
  /**
   * Deliver events strictly after this position (a checkpoint: the last event already
   * handled). `start` or absent delivers everything from the beginning.
   */
  after?: Position | 'start';
  filter?: EventFilter;
}>;

/**
 * What a subscription yields: each event in global order; `caughtUp` once, when history up
 * to the moment of subscribing has been delivered and live delivery begins; `dropped` as the
 * last message when the subscription cannot go on (adapters retry transient failures first).
 */
export type SubscriptionMessage =
  | Readonly<{ kind: 'event'; event: RecordedEvent }>
  | Readonly<{ kind: 'caughtUp' }>
  | Readonly<{ kind: 'dropped'; error: StoreError }>;

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Stops delivery; an iteration in progress ends without a `dropped` message. */
  close(): Promise<void>;
}

export interface EventStore {
  /** A stream that does not exist reads as an empty history, not as an error. */
  readStream(streamName: string, options?: ReadStreamOptions): TaskEither<StoreError, readonly RecordedEvent[]>;

  /** Appends all events or none. An empty list only checks the expected revision. */
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: Readonly<{ expectedRevision: ExpectedRevision }>,
  ): TaskEither<StoreError, AppendResult>;

  /** One page of the global order, starting at `from` inclusive. */
  readAll(options?: ReadAllOptions): TaskEither<StoreError, readonly RecordedEvent[]>;

  /** Catch up from `after` (exclusive), then follow live appends. */
  subscribeToAll(options?: SubscribeOptions): Subscription;

  close(): Promise<void>;
}
