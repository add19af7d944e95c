import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { JsonObject } from './port';

/**
 * Tamper evidence. Each event's `metadata.hash` is the SHA-256 of the RFC 8785 canonical JSON
 * of its type, data and metadata (the hash itself left out), and its `metadata.previousHash`
 * is the hash of the event before it in its stream (absent on the first). Altering, removing,
 * inserting or reordering an event therefore breaks the chain at that event.
 */
export const hashEvent = (type: string, data: JsonObject, metadata: JsonObject): string => {
  const { hash: _ignored, ...withoutHash } = metadata;
  const canonical = canonicalJson({ type, data, metadata: withoutHash });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

export const storedHashOf = (metadata: JsonObject): string | undefined =>
  typeof metadata.hash === 'string' ? metadata.hash : undefined;
