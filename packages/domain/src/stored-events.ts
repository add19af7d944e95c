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

/** Whether a value can no longer change: a primitive, or an object frozen with everything it holds. */
export const isDeeplyFrozen = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(isDeeplyFrozen);
};

/**
 * Records that cannot change, each with the event it decoded to. A store that hands out the
 * same frozen record on every read (the in-memory store does) then has each record checked
 * once, the first time it is read, instead of on every load of its stream; a record that is
 * not frozen all the way down (a SQLite or EventStoreDB read builds new ones) is checked every
 * time. Only an event that is the record's own data, already current and canonical, is kept:
 * the entry is as immutable as the record, and goes when the record does. The answer itself
 * is kept, not only the event: a cold load reads every record through here, and a new `Right`
 * for each would be garbage made on every event of every load.
 */
const decodedRecords = new WeakMap<StoredEvent, E.Right<DomainEvent>>();

/** Upcasts a stored event to its current shape, then decodes it with the contract's codecs. */
export const readDomainEvent = (stored: StoredEvent): E.Either<UndecodableEvent, DomainEvent> => {
  const known = decodedRecords.get(stored);
  if (known !== undefined) return known;
  const decoded = decodeEvent({ type: stored.type, data: upcast(stored.type, stored.data, schemaVersionIn(stored.metadata)) });
  if (E.isRight(decoded)) {
    const event = decoded.right;
    if (event.data === stored.data && Object.isFrozen(stored) && Object.isFrozen(stored.metadata) && isDeeplyFrozen(stored.data)) {
      const kept = Object.freeze({ _tag: 'Right' as const, right: Object.freeze(event) });
      decodedRecords.set(stored, kept);
      return kept;
    }
    return decoded;
  }
  return E.left({
    kind: 'Undecodable',
    streamName: stored.streamName,
    revision: stored.revision,
    message: `${stored.type} at ${stored.streamName}@${stored.revision}: ${decoded.left.message}`,
  });
};
