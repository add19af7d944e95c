import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import type { StoredEvent } from './event-log';

/**
 * Conversions between the generated protobuf messages and the test server's storage, kept in
 * one place so that every handler encodes events exactly as EventStoreDB does.
 */

export const streamNameOf = (identifier: StreamIdentifier | undefined): string =>
  identifier === undefined ? '' : Buffer.from(identifier.getStreamName_asU8()).toString('utf8');

export const streamIdentifier = (streamName: string): StreamIdentifier =>
  new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(streamName, 'utf8')));

const hex = (value: bigint): string => BigInt.asUintN(64, value).toString(16).padStart(16, '0');

/** A UUID as text, whether the client sent it as text or as two signed 64-bit halves. */
export const uuidText = (uuid: UUID | undefined): string => {
  if (uuid === undefined) return '';
  const structured = uuid.getStructured();
  if (structured === undefined) return uuid.getString();
  const digits = hex(BigInt(structured.getMostSignificantBits())) + hex(BigInt(structured.getLeastSignificantBits()));
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
};

const uuidMessage = (id: string, structured: boolean): UUID => {
  if (!structured) return new UUID().setString(id);
  const digits = id.replace(/-/g, '');
  const half = (text: string): string => BigInt.asIntN(64, BigInt(`0x${text}`)).toString(10);
  return new UUID().setStructured(
    new UUID.Structured()
      .setMostSignificantBits(half(digits.slice(0, 16)))
      .setLeastSignificantBits(half(digits.slice(16, 32))),
  );
};

export type EncodingOptions = Readonly<{
  /** The client asked for structured UUIDs (`uuid_option.structured`) rather than strings. */
  structuredUuids: boolean;
}>;

type StringMap = { set(key: string, value: string): StringMap };

/** The recorded-event message, as the streams and the persistent subscriptions protocols both carry it. */
type RecordedEventMessage<M> = {
  setId(id: UUID | undefined): M;
  setStreamIdentifier(identifier: StreamIdentifier): M;
  setStreamRevision(revision: string): M;
  setCommitPosition(position: string): M;
  setPreparePosition(position: string): M;
  setData(data: Uint8Array): M;
  setCustomMetadata(metadata: Uint8Array): M;
  getMetadataMap(): StringMap;
};

/** Fills either protocol's recorded-event message with a stored event, as the server sends it. */
export const withRecordedFields = <M extends RecordedEventMessage<M>>(message: M, event: StoredEvent, id: UUID | undefined): M => {
  const recorded = message
    .setId(id)
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString(10))
    .setCommitPosition(event.position.commit.toString(10))
    .setPreparePosition(event.position.prepare.toString(10))
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString(10));
  return recorded;
};

export const eventResponse = (event: StoredEvent, { structuredUuids }: EncodingOptions): ReadResp => {
  const recorded = withRecordedFields(new ReadResp.ReadEvent.RecordedEvent(), event, uuidMessage(event.eventId, structuredUuids));
  const readEvent = new ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(event.position.commit.toString(10));
  return new ReadResp().setEvent(readEvent);
};

export const streamNotFoundResponse = (streamName: string): ReadResp =>
  new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)));

export const confirmationResponse = (subscriptionId: string): ReadResp =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const caughtUpResponse = (): ReadResp => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

export const empty = (): Empty => new Empty();
