import { canonicalJson } from './canonical-json';
import type { JsonObject, NewEvent } from './port';
import { sha256Hex } from './sha256';

/**
 * Tamper evidence. Each event's `metadata.hash` is the SHA-256 of the RFC 8785 canonical JSON
 * of its type, data and metadata (the hash itself left out), and its `metadata.previousHash`
 * is the hash of the event before it in its stream (absent on the first). Altering, removing,
 * inserting or reordering an event therefore breaks the chain at that event.
 */
export const hashEvent = (type: string, data: JsonObject, metadata: JsonObject): string => {
  const { hash: _ignored, ...withoutHash } = metadata;
  const canonical = canonicalJson({ type, data, metadata: withoutHash });
  return sha256Hex(canonical);
};

export const storedHashOf = (metadata: JsonObject): string | undefined =>
  typeof metadata.hash === 'string' ? metadata.hash : undefined;

/** An event before its place in its stream's chain is known: no `hash`, no `previousHash`. */
export type UnchainedEvent = Readonly<{ eventId: string; type: string; data: JsonObject; metadata: JsonObject }>;

/**
 * Gives an event its place in its stream's hash chain, after the event whose hash is
 * `previousHash` (undefined: the stream's first): `previousHash` links it to the one before,
 * `hash` covers its type, data and metadata. Every writer of events goes through it (the
 * command side, the notifications' outbox), so that `ssp audit verify` finds every stream whole.
 */
export const chainEvent = (previousHash: string | undefined, { eventId, type, data, metadata }: UnchainedEvent): Readonly<{ record: NewEvent; hash: string }> => {
  const withoutHash: JsonObject = previousHash === undefined ? metadata : { ...metadata, previousHash };
  const hash = hashEvent(type, data, withoutHash);
  return { record: { eventId, type, data, metadata: { ...withoutHash, hash } }, hash };
};

/** Several events chained one after the other, the first after `previousHash`. */
export const chainEvents = (previousHash: string | undefined, events: readonly UnchainedEvent[]): NewEvent[] => {
  let previous = previousHash;
  return events.map((event) => {
    const { record, hash } = chainEvent(previous, event);
    previous = hash;
    return record;
  });
};
