import * as E from 'fp-ts/Either';
import { decodeEvent, type DomainEvent } from './events';
import { upcast } from './upcasting';

/**
 * An event as a store gives it back, as far as reading it needs: any store's record has this
 * shape (the domain knows no store).
 */
export type StoredEvent = Readonly<{
  type: string;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
  streamName: string;
  revision: bigint;
}>;

/** A stored event that cannot be read back: history is never skipped silently. */
export type UndecodableEvent = Readonly<{
  kind: 'Undecodable';
  streamName: string;
  revision: bigint;
  message: string;
}>;

/** The schema version an event was written at; events written before versions were recorded are version 1. */
export const schemaVersionIn = (metadata: StoredEvent['metadata']): number =>
  typeof metadata.schemaVersion === 'number' ? metadata.schemaVersion : 1;

/** Upcasts a stored event to its current shape, then decodes it with the contract's codecs. */
export const readDomainEvent = (stored: StoredEvent): E.Either<UndecodableEvent, DomainEvent> => {
  const decoded = decodeEvent({ type: stored.type, data: upcast(stored.type, stored.data, schemaVersionIn(stored.metadata)) });
  if (E.isRight(decoded)) return decoded;
  return E.left({
    kind: 'Undecodable',
    streamName: stored.streamName,
    revision: stored.revision,
    message: `${stored.type} at ${stored.streamName}@${stored.revision}: ${decoded.left.message}`,
  });
};
