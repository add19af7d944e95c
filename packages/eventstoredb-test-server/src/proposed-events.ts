import type * as jspb from 'google-protobuf';
import type { UUID } from '@eventstore/db-client/generated/shared_pb';
import type { ExpectedState, ProposedEvent } from './event-log';
import { uuidText } from './wire';

/** What Append and BatchAppend proposed messages have in common. */
export type ProposedMessage = Readonly<{
  getId(): UUID | undefined;
  getMetadataMap(): jspb.Map<string, string>;
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}>;

/** Undefined when the message lacks the `type` or `content-type` the server requires. */
export const proposedEventOf = (message: ProposedMessage): ProposedEvent | undefined => {
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (type === undefined || contentType === undefined) return undefined;
  return {
    eventId: uuidText(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
};

/**
 * What counts against the maximum append size: data, metadata and type, an approximation of
 * the server's `Event.SizeOnDisk`, which adds a few bytes of framing per event.
 */
export const appendSizeOf = (event: ProposedEvent): number =>
  event.data.length + event.customMetadata.length + Buffer.byteLength(event.type);

/** The expected state as both request kinds carry it: one of four oneof cases. */
export type ExpectedStateOptions = Readonly<{
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
  hasAny(): boolean;
}>;

export const expectedStateOf = (options: ExpectedStateOptions, revision: string | undefined): ExpectedState | undefined => {
  if (revision !== undefined) return { kind: 'revision', revision: BigInt(revision) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  if (options.hasAny()) return { kind: 'any' };
  return undefined;
};
