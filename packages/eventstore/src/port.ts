import type { TaskEither } from 'fp-ts/TaskEither';
import type { LogLink } from './log-chain';

/**
 * The event store port: the few operations that the command handlers and projections need,
 * small enough that an in-memory map, an embedded SQLite file and an EventStoreDB cluster all
 * implement it without contortion. Semantics that every adapter must share are proven by the
 * conformance suite in `@ssp/eventstore/conformance`; the rules about arguments and closing are
 * written once, in `guardedEventStore`, which every adapter is built with.
 *
 * A refused argument is `Left({ kind: 'Failure', message })` whose message names the argument
 * and the rule, never an exception, and never a guess (no clamping, rounding or ignoring).
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
  /** When the store wrote it (ISO 8601 UTC), by the store's clock; absent from stores that keep no such time. */
  recordedAt?: string;
  /** Its link in the store's global chain (see `LogLink`); absent from stores that keep none (EventStoreDB). */
  logLink?: LogLink;
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

/**
 * `Unavailable`: the store cannot serve the call now (unreachable, busy, or closed);
 * `Failure`: it never will as asked (a refused argument, unreadable data, a broken store).
 */
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

/**
 * Restricts global reads and subscriptions. A category matches the streams `<category>-…` (the
 * part before the first dash), never a stream without a dash; a category that contains a dash
 * is refused. Event types match exactly. An empty list matches nothing.
 */
export type EventFilter =
  | Readonly<{ kind: 'streamCategory'; categories: readonly string[] }>
  | Readonly<{ kind: 'eventType'; types: readonly string[] }>;

export type ReadStreamOptions = Readonly<{
  /** First revision to read (inclusive). Defaults to 0. Negative is refused; past the end reads `[]`. */
  fromRevision?: bigint;
  /**
   * Most events to return: a non-negative safe integer, or absent for all. 0 returns `[]`;
   * negative, fractional, NaN, infinite and unsafe (> `Number.MAX_SAFE_INTEGER`) counts are refused.
   */
  maxCount?: number;
}>;

export type ReadAllOptions = Readonly<{
  /**
   * First position to read (inclusive). `start` or absent reads from the beginning, and so does
   * `{ commit: 0n, prepare: 0n }`; a position past the last event reads `[]`. `commit` and
   * `prepare` must each lie in 0..2^63 - 1, the range every store can hold, or it is refused.
   */
  from?: Position | 'start';
  /** Most events to return in this page, as for `ReadStreamOptions.maxCount`. Defaults to all. */
  maxCount?: number;
  filter?: EventFilter;
}>;

export type SubscribeOptions = Readonly<{
  /**
   * Deliver events strictly after this position (a checkpoint: the last event already
   * handled). `start` or absent delivers everything from the beginning. The same range as
   * `ReadAllOptions.from` applies.
   */
  after?: Position | 'start';
  filter?: EventFilter;
}>;

/**
 * What a subscription yields: each event in global order; `caughtUp` once, when history up
 * to the moment of subscribing has been delivered and live delivery begins; `dropped` as the
 * last message when the subscription cannot go on (adapters retry transient failures first).
 * A subscription with refused options, or opened on a closed store, yields only `dropped`.
 */
export type SubscriptionMessage =
  | Readonly<{ kind: 'event'; event: RecordedEvent }>
  | Readonly<{ kind: 'caughtUp' }>
  | Readonly<{ kind: 'dropped'; error: StoreError }>;

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /**
   * Stops delivery, whether the subscription is still catching up or already live: an
   * iteration in progress ends without a `dropped` message and delivers no further event.
   * Leaving a `for await` loop (`break`) closes it too.
   */
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

  /**
   * Ends every open subscription (without `dropped`) and frees the store. Closing again does
   * nothing more. Afterwards `readStream`, `appendToStream` and `readAll` answer
   * `Left({ kind: 'Unavailable', message: 'the … is closed' })`, also for tasks built before
   * `close` and before any argument is checked, and `subscribeToAll` yields only `dropped` with
   * that same error.
   */
  close(): Promise<void>;
}
