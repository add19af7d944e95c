import { status, type handleServerStreamingCall, type ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { compareLogPositions, type EventLog, type LogPosition, type StoredEvent } from './event-log';
import { filterOf } from './read-filter';
import { visibleEvents } from './stream-metadata';
import type { SubscriptionRegistry } from './subscriptions';
import { eventResponse, streamNameOf, streamNotFoundResponse, type EncodingOptions } from './wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/**
 * Streams.Read, which EventStoreDB uses for four things: reading a stream, reading `$all`,
 * and subscribing to either. Reads send their events and end; a read of a stream that has
 * never been written answers `stream_not_found` (not an error status), as the server does.
 */
export const readHandler =
  (log: EventLog, subscriptions: SubscriptionRegistry): handleServerStreamingCall<ReadReq, ReadResp> =>
  (call) => {
    const options = call.request.getOptions();
    if (options === undefined) {
      refuse(call, 'a read needs options');
      return;
    }
    const encoding: EncodingOptions = { structuredUuids: options.getUuidOption()?.hasStructured() ?? false };
    const backwards = options.getReadDirection() === 1;
    const streamOptions = options.getStream();
    const allOptions = options.getAll();
    const subscribing = options.hasSubscription();

    if (streamOptions !== undefined) {
      const streamName = streamNameOf(streamOptions.getStreamIdentifier());
      const isInStream = (event: StoredEvent): boolean => event.streamName === streamName;
      if (subscribing) {
        const after = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : undefined;
        const stored = visibleEvents(log, streamName);
        const history = streamOptions.hasEnd()
          ? []
          : stored.filter((event) => after === undefined || event.revision > after);
        subscriptions.follow(call, { history, isLive: isInStream, encoding });
        return;
      }
      if (log.stream(streamName).length === 0) {
        call.write(streamNotFoundResponse(streamName));
        call.end();
        return;
      }
      const selected = streamSlice(visibleEvents(log, streamName), streamOptions, backwards);
      sendAndEnd(call, selected, countOf(options), encoding);
      return;
    }

    if (allOptions !== undefined) {
      const matches = filterOf(options);
      const from = allOptions.getPosition();
      const position: LogPosition | undefined =
        from === undefined ? undefined : { commit: BigInt(from.getCommitPosition()), prepare: BigInt(from.getPreparePosition()) };
      if (subscribing) {
        // A subscription starts strictly after the position it is given.
        const history = allOptions.hasEnd()
          ? []
          : log.all().filter((event) => (position === undefined || compareLogPositions(event.position, position) > 0) && matches(event));
        subscriptions.follow(call, { history, isLive: matches, encoding });
        return;
      }
      const selected = allSlice(log.all(), allOptions, position, backwards).filter(matches);
      sendAndEnd(call, selected, countOf(options), encoding);
      return;
    }

    refuse(call, 'a read must name a stream or $all');
  };

export const streamSlice = (
  events: readonly StoredEvent[],
  streamOptions: ReadReq.Options.StreamOptions,
  backwards: boolean,
): readonly StoredEvent[] => {
  if (streamOptions.hasRevision()) {
    const revision = BigInt(streamOptions.getRevision());
    return backwards
      ? events.filter((event) => event.revision <= revision).reverse()
      : events.filter((event) => event.revision >= revision);
  }
  const fromEnd = streamOptions.hasEnd();
  if (backwards) return fromEnd ? [...events].reverse() : events.slice(0, 1);
  return fromEnd ? [] : events;
};

/** Forwards from a position includes the event at it; backwards returns the events before it. */
const allSlice = (
  events: readonly StoredEvent[],
  allOptions: ReadReq.Options.AllOptions,
  position: LogPosition | undefined,
  backwards: boolean,
): readonly StoredEvent[] => {
  if (position !== undefined) {
    return backwards
      ? events.filter((event) => compareLogPositions(event.position, position) < 0).reverse()
      : events.filter((event) => compareLogPositions(event.position, position) >= 0);
  }
  const fromEnd = allOptions.hasEnd();
  if (backwards) return fromEnd ? [...events].reverse() : [];
  return fromEnd ? [] : events;
};

export const countOf = (options: ReadReq.Options): number => {
  const count = options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
  return Number(count > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : count);
};

const sendAndEnd = (call: ReadCall, events: readonly StoredEvent[], count: number, encoding: EncodingOptions): void => {
  for (const event of events.slice(0, count)) call.write(eventResponse(event, encoding));
  call.end();
};

const refuse = (call: ReadCall, details: string): void => {
  call.emit('error', Object.assign(new Error(details), { code: status.INVALID_ARGUMENT, details }));
};
