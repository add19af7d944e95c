import { canonicalJson, serialisePosition, type RecordedEvent } from '@ssp/eventstore';
import { hashLeaf, type Digest } from './merkle-hash';

/**
 * What a leaf covers: every field of a stored event that an auditor reads, the global
 * position included, so an event moved, removed, inserted or altered anywhere before a seal
 * changes the sealed root. Bigints are written as decimal strings (JSON has no bigint), the
 * position in its `commit/prepare` text form.
 */
export const leafContent = (event: RecordedEvent) => ({
  eventId: event.eventId,
  streamName: event.streamName,
  revision: event.revision.toString(),
  type: event.type,
  data: event.data,
  // The whole metadata, `hash` and `previousHash` included: the stream's chain is sealed too.
  metadata: event.metadata,
  position: serialisePosition(event.position),
  // When the store wrote it; null from a store that keeps no such time.
  recordedAt: event.recordedAt ?? null,
});

export type LeafContent = ReturnType<typeof leafContent>;

/** The RFC 8785 text of the leaf's content, as UTF-8 bytes: what the leaf hash is taken over. */
export const leafBytes = (content: LeafContent): Buffer => Buffer.from(canonicalJson(content), 'utf8');

/** SHA-256(0x00 || canonical bytes of the event). */
export const leafHashOf = (event: RecordedEvent): Digest => hashLeaf(leafBytes(leafContent(event)));

/** The leaves of a history, one per event in global order. */
export const leavesOf = (history: readonly RecordedEvent[], onProgress?: (done: number) => void): readonly Digest[] =>
  history.map((event, index) => {
    if (index % 1000 === 999) onProgress?.(index + 1);
    return leafHashOf(event);
  });
