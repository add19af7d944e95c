import type { JsonObject } from '@ssp/eventstore';

/**
 * The narrow structural type of an EventStoreDB gRPC client: only the members the adapter
 * uses, so that `@eventstore/db-client` 6.x and `@kurrent/kurrentdb-client` 1.x both fit
 * without the adapter importing either.
 *
 * Members are function-typed properties rather than methods on purpose: TypeScript checks
 * function-typed properties strictly (parameters contravariantly), so handing a client the
 * append options of the other dialect is a compile error instead of a silently ignored option.
 */

export type ClientPosition = Readonly<{ commit: bigint; prepare: bigint }>;

/** How both clients spell an expected stream state. */
export type ClientStreamState = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type ClientEventData = Readonly<{
  id: string;
  contentType: 'application/json';
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}>;

export type ClientRecordedEvent = Readonly<{
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  isJson: boolean;
  /** Parsed JSON when `isJson`, bytes otherwise. */
  data: unknown;
  /** Parsed JSON, bytes when it is not JSON, or undefined when empty. */
  metadata: unknown;
  position?: ClientPosition;
  /** When the server wrote it; the client leaves it undefined when the server sent none or an unreadable one. */
  created?: Date;
}>;

export type ClientResolvedEvent = Readonly<{ event?: ClientRecordedEvent }>;

export type ClientAppendResult = Readonly<{
  /** False only when the client was built with `throwOnAppendFailure=false`. */
  success: boolean;
  nextExpectedRevision: bigint;
  position?: ClientPosition;
}>;

export type ClientReadStreamOptions = Readonly<{
  fromRevision: bigint | 'start' | 'end';
  maxCount: number;
  direction: 'forwards' | 'backwards';
}>;

export type ClientReadAllOptions = Readonly<{
  fromPosition: ClientPosition | 'start';
  maxCount: number;
  direction: 'forwards';
}>;

export type ClientFilter =
  | Readonly<{ filterOn: 'streamName' | 'eventType'; prefixes: string[]; checkpointInterval: number }>
  | Readonly<{ filterOn: 'streamName' | 'eventType'; regex: string; checkpointInterval: number }>;

export type ClientSubscribeOptions = Readonly<{
  fromPosition: ClientPosition | 'start';
  filter: ClientFilter;
}>;

/**
 * What a read returns: the events, and in `@eventstore/db-client` a way to cancel the gRPC
 * call behind them, which the adapter uses when a read misses its deadline.
 */
export type ClientRead = AsyncIterable<ClientResolvedEvent> & Readonly<{ cancel?: () => Promise<void> }>;

/** A catch-up subscription: a Node.js readable stream of resolved events plus control events. */
export interface ClientSubscription {
  on(event: 'data', listener: (resolved: ClientResolvedEvent) => void): unknown;
  /** `confirmation` is the server's first answer to a subscription, before any event. */
  on(event: 'caughtUp' | 'end' | 'confirmation', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  /** Events pushed by the client but not yet emitted as `data`. */
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
  /** Ends the stream with `error`, emitted as its `error` event. */
  destroy(error: Error): unknown;
}

/** Everything but appends, which the two dialects spell differently. */
export type ClientReads = Readonly<{
  readStream: (streamName: string, options: ClientReadStreamOptions) => ClientRead;
  readAll: (options: ClientReadAllOptions) => ClientRead;
  subscribeToAll: (options: ClientSubscribeOptions) => ClientSubscription;
  dispose: () => Promise<void>;
}>;

/*
 * The adapter also passes `deadline` (milliseconds) in an append's options, which both clients
 * read (see deadlines.ts). It is left out of the option types below on purpose: TypeScript
 * refuses a client of the other dialect only because the options share no property with that
 * client's own; a shared `deadline` would make the pairing type-check again.
 */

/** `@eventstore/db-client` 6.x: the expected state is `expectedRevision`. */
export type EventStoreDbClient = ClientReads &
  Readonly<{
    appendToStream: (
      streamName: string,
      events: ClientEventData[],
      options: Readonly<{ expectedRevision: ClientStreamState }>,
    ) => Promise<ClientAppendResult>;
  }>;

/** `@kurrent/kurrentdb-client` 1.x: the expected state is `streamState`. */
export type KurrentDbClient = ClientReads &
  Readonly<{
    appendToStream: (
      streamName: string,
      events: ClientEventData[],
      options: Readonly<{ streamState: ClientStreamState }>,
    ) => Promise<ClientAppendResult>;
  }>;

/**
 * A client together with the name of its dialect. Passing the expected state under the other
 * dialect's option name would not fail: the client would ignore it and append with `any`.
 */
export type DialectClient =
  | Readonly<{ dialect: 'eventstoredb'; client: EventStoreDbClient }>
  | Readonly<{ dialect: 'kurrentdb'; client: KurrentDbClient }>;
