import * as E from 'fp-ts/Either';
import { decodeEvent, upcast, type DomainEvent } from '@ssp/domain';
import type { RecordedEvent } from '@ssp/eventstore';

/** A stored event that cannot be read back: history is never skipped silently. */
export type UndecodableEvent = Readonly<{
  kind: 'Undecodable';
  streamName: string;
  revision: bigint;
  message: string;
}>;

export const schemaVersionIn = (metadata: RecordedEvent['metadata']): number =>
  typeof metadata.schemaVersion === 'number' ? metadata.schemaVersion : 1;

/** Upcasts a stored event to its current shape, then decodes it with the contract's codecs. */
export const readDomainEvent = (recorded: RecordedEvent): E.Either<UndecodableEvent, DomainEvent> =>
  E.mapLeft((error: { message: string }) => ({
    kind: 'Undecodable' as const,
    streamName: recorded.streamName,
    revision: recorded.revision,
    message: `${recorded.type} at ${recorded.streamName}@${recorded.revision}: ${error.message}`,
  }))(decodeEvent({ type: recorded.type, data: upcast(recorded.type, recorded.data, schemaVersionIn(recorded.metadata)) }));
