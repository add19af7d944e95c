import { canonicalJson } from './canonical-json';
import type { RecordedEvent } from './port';
import { serialisePosition } from './position';
import { sha256Hex } from './sha256';

/**
 * The global chain: each event's place in the whole log, linked to the event before it in the
 * global order, as each stream's own chain links it to the event before it in its stream.
 * The stream chains cannot show that a whole stream was deleted, that two streams' events were
 * swapped in the global order, or that a stream lost its newest event; this chain can, because
 * every event commits to its predecessor in the log. It is written by the store, at append,
 * inside the transaction that assigns the position, so only stores that give every event its
 * place one at a time (SQLite's single writer, the in-memory store) keep it. EventStoreDB assigns
 * positions inside the cluster, where no client sees its predecessor; there the seals, which
 * fix the order too, are the evidence.
 */
export type LogLink = Readonly<{
  /** SHA-256 (hex) of the event's fields, its content digest and `previousHash` (see `hashLogEntry`). */
  hash: string;
  /** The hash of the event before this one in the global order; absent on the log's first event. */
  previousHash?: string;
}>;

/** Every field of a stored event that an auditor reads: what the log hash covers. */
export type LogEntry = Omit<RecordedEvent, 'logLink'>;

/**
 * What the log hash takes of an event's content. An event written by this library carries its
 * stream chain's `metadata.hash`, the SHA-256 of its type, data and metadata: `verify` checks
 * that hash against the content, so covering it covers the content, and a content changed with
 * its stream hash recomputed changes it. An event that carries none (a foreign writer's) is
 * covered through the SHA-256 of its own canonical content.
 */
const contentDigestOf = (entry: LogEntry): string =>
  typeof entry.metadata.hash === 'string'
    ? `stream-hash:${entry.metadata.hash}`
    : `content:${sha256Hex(canonicalJson({ type: entry.type, data: entry.data, metadata: entry.metadata }))}`;

/**
 * The log hash of an event placed after `previousHash`: SHA-256 of a JSON array of its fields
 * in a fixed order (strings, which JSON writes one way only; bigints as decimal strings, the
 * position in its `commit/prepare` form), ending with its content digest.
 */
export const hashLogEntry = (entry: LogEntry, previousHash: string | undefined): string =>
  sha256Hex(
    JSON.stringify([
        'ssp-log/1',
        previousHash ?? null,
        serialisePosition(entry.position),
        entry.eventId,
        entry.streamName,
        entry.revision.toString(),
        entry.type,
        entry.recordedAt ?? null,
      contentDigestOf(entry),
    ]),
  );

/** The link of an event placed after `previousHash`. */
export const linkInLog = (entry: LogEntry, previousHash: string | undefined): LogLink =>
  previousHash === undefined ? { hash: hashLogEntry(entry, undefined) } : { hash: hashLogEntry(entry, previousHash), previousHash };
