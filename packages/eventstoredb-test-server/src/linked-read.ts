import type { handleServerStreamingCall } from '@grpc/grpc-js';
import { ReadResp, type ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, StoredEvent } from './event-log';
import { countOf, streamSlice } from './read-handler';
import { visibleEvents } from './stream-metadata';
import { eventResponse, streamNameOf, streamNotFoundResponse, type EncodingOptions } from './wire';

/**
 * Stream reads with `resolve_links`, which is how clients list a persistent subscription's
 * parked events: each `$>` link (`<revision>@<stream>`) comes back with the event it points to,
 * as EventStoreDB resolves it; a link whose event is gone comes back alone. Every other read
 * (and every subscription) goes to `plain`, which does not resolve links.
 */
export const linkResolvingRead =
  (log: EventLog, plain: handleServerStreamingCall<ReadReq, ReadResp>): handleServerStreamingCall<ReadReq, ReadResp> =>
  (call) => {
    const options = call.request.getOptions();
    const streamOptions = options?.getStream();
    if (options === undefined || streamOptions === undefined || !options.getResolveLinks() || options.hasSubscription()) {
      plain(call);
      return;
    }
    const streamName = streamNameOf(streamOptions.getStreamIdentifier());
    if (log.stream(streamName).length === 0) {
      call.write(streamNotFoundResponse(streamName));
      call.end();
      return;
    }
    const encoding: EncodingOptions = { structuredUuids: options.getUuidOption()?.hasStructured() ?? false };
    const selected = streamSlice(visibleEvents(log, streamName), streamOptions, options.getReadDirection() === 1);
    for (const event of selected.slice(0, countOf(options))) call.write(resolvedResponse(log, event, encoding));
    call.end();
  };

const recordOf = (event: StoredEvent, encoding: EncodingOptions): ReadResp.ReadEvent.RecordedEvent | undefined =>
  eventResponse(event, encoding).getEvent()?.getEvent();

const resolvedResponse = (log: EventLog, event: StoredEvent, encoding: EncodingOptions): ReadResp => {
  if (event.type !== '$>') return eventResponse(event, encoding);
  const readEvent = new ReadResp.ReadEvent().setLink(recordOf(event, encoding)).setCommitPosition(event.position.commit.toString(10));
  const target = linkTarget(log, event);
  if (target !== undefined) readEvent.setEvent(recordOf(target, encoding));
  return new ReadResp().setEvent(readEvent);
};

/** The event a `$>` link points to (`<revision>@<stream>`), if it is still there. */
export const linkTarget = (log: EventLog, link: StoredEvent): StoredEvent | undefined => {
  const text = Buffer.from(link.data).toString('utf8');
  const at = text.indexOf('@');
  if (at < 1 || !/^\d+$/.test(text.slice(0, at))) return undefined;
  const revision = BigInt(text.slice(0, at));
  return log.stream(text.slice(at + 1)).find((event) => event.revision === revision);
};
