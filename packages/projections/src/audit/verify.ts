import { hashEvent, serialisePosition, type RecordedEvent } from '@ssp/eventstore';

export type TamperKind = 'ALTERED' | 'REMOVED' | 'INSERTED' | 'REORDERED';

export type TamperFinding = Readonly<{
  streamName: string;
  kind: TamperKind;
  /** The first event at which the stream's history stops being what was written. */
  revision: string;
  eventId: string;
  /** Its place in the global log, `commit/prepare` as checkpoints write it: where to find it without the stream. */
  position: string;
  /** When it says it happened (`metadata.occurredAt`); null when it carries no such time, which tampering can cause. */
  occurredAt: string | null;
  detail: string;
}>;

export type StreamSeal = Readonly<{ streamName: string; events: number; headHash: string | undefined }>;

export type VerifyReport = Readonly<{
  intact: boolean;
  streams: number;
  events: number;
  /** At most one finding per stream: the first place its chain breaks. */
  findings: readonly TamperFinding[];
  /**
   * Each stream's length and last hash. The chain cannot show that the newest events of a
   * stream were cut off; keeping these seals outside the store, and comparing later, can.
   */
  seals: readonly StreamSeal[];
}>;

const hashOf = (event: RecordedEvent): string | undefined => (typeof event.metadata.hash === 'string' ? event.metadata.hash : undefined);
const previousHashOf = (event: RecordedEvent): string | undefined =>
  typeof event.metadata.previousHash === 'string' ? event.metadata.previousHash : undefined;

/**
 * Checks one stream's chain, event by event, and names the first break. The checks run in an
 * order that tells the kinds apart: a link pointing forward means events were reordered; an
 * event that the next one links over was inserted; a hash that does not match the content
 * means the event was altered; a link to a hash nowhere in the stream means what it pointed to
 * was removed (or rewritten with a fresh hash, which looks the same from the chain alone).
 */
const verifyStream = (streamName: string, events: readonly RecordedEvent[], progress: () => void): TamperFinding | undefined => {
  const indexByHash = new Map<string, number>();
  events.forEach((event, index) => {
    const hash = hashOf(event);
    if (hash !== undefined && !indexByHash.has(hash)) indexByHash.set(hash, index);
  });
  const finding = (event: RecordedEvent, kind: TamperKind, detail: string): TamperFinding => ({
    streamName,
    kind,
    revision: event.revision.toString(),
    eventId: event.eventId,
    position: serialisePosition(event.position),
    occurredAt: typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : null,
    detail,
  });

  for (let i = 0; i < events.length; i += 1) {
    progress();
    const event = events[i];
    if (event === undefined) break;
    const previous = events[i - 1];
    const expectedPrevious = previous === undefined ? undefined : hashOf(previous);
    const claimedPrevious = previousHashOf(event);

    if (event.revision !== BigInt(i)) {
      return finding(event, 'REMOVED', `revisions jump from ${i - 1} to ${event.revision}: events are missing`);
    }
    const linkedTo = claimedPrevious === undefined ? undefined : indexByHash.get(claimedPrevious);
    if (linkedTo !== undefined && linkedTo >= i) {
      return finding(event, 'REORDERED', `it links to the event now at revision ${linkedTo}, which should come before it`);
    }
    const next = events[i + 1];
    if (next !== undefined && previousHashOf(next) === expectedPrevious && hashOf(event) !== expectedPrevious) {
      return finding(event, 'INSERTED', `the event after it links over it, to ${previous === undefined ? 'the start of the stream' : `revision ${i - 1}`}`);
    }
    const hash = hashOf(event);
    const recomputed = hashEvent(event.type, event.data, event.metadata);
    if (hash === undefined) return finding(event, 'ALTERED', 'it carries no hash');
    if (hash !== recomputed) return finding(event, 'ALTERED', 'its content no longer matches its hash');
    if (claimedPrevious === expectedPrevious) continue;
    if (linkedTo !== undefined && linkedTo < i - 1) {
      const skipped = events[linkedTo + 1];
      return skipped === undefined
        ? finding(event, 'INSERTED', `it links back to revision ${linkedTo}`)
        : finding(skipped, 'INSERTED', `no later event links to it: revision ${i} links back to revision ${linkedTo}`);
    }
    return finding(
      event,
      'REMOVED',
      claimedPrevious === undefined
        ? 'it claims to be the first event of the stream, but it is not'
        : previous === undefined
          ? 'it links to an earlier event that is no longer in the stream'
          : 'the event it links to is no longer in the stream (removed, or rewritten with a fresh hash)',
    );
  }
  return undefined;
};

/**
 * Tamper evidence over the whole history (as read through `readAll`): every event's hash is
 * recomputed with the command side's `hashEvent`, and every `previousHash` link checked.
 */
export const verifyHistory = (history: readonly RecordedEvent[], onProgress?: (eventsChecked: number) => void): VerifyReport => {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of history) {
    const stream = byStream.get(event.streamName);
    if (stream === undefined) byStream.set(event.streamName, [event]);
    else stream.push(event);
  }
  let checked = 0;
  const progress = () => {
    checked += 1;
    if (checked % 100 === 0) onProgress?.(checked);
  };
  const findings: TamperFinding[] = [];
  const seals: StreamSeal[] = [];
  for (const [streamName, events] of byStream) {
    // Within a stream, revision order is the order of writing; the global order agrees with it.
    const ordered = [...events].sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0));
    const found = verifyStream(streamName, ordered, progress);
    if (found !== undefined) findings.push(found);
    const head = ordered[ordered.length - 1];
    seals.push({ streamName, events: ordered.length, headHash: head === undefined ? undefined : hashOf(head) });
  }
  onProgress?.(history.length);
  return { intact: findings.length === 0, streams: byStream.size, events: history.length, findings, seals };
};
