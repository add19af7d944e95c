import { hashEvent, hashLogEntry, serialisePosition, type Position, type RecordedEvent } from '@ssp/eventstore';
import { firstBreak, type ChainView } from './chain-breaks';

export type TamperKind = 'ALTERED' | 'REMOVED' | 'INSERTED' | 'REORDERED';

export type TamperFinding = Readonly<{
  /** Which chain shows it: the stream's own, or the store's global chain over the whole log. */
  chain: 'STREAM' | 'LOG';
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
  /** The store's global chain. */
  log: LogChainReport;
  /**
   * Each stream's length and last hash. The chain cannot show that the newest events of a
   * stream were cut off; keeping these seals outside the store, and comparing later, can.
   */
  seals: readonly StreamSeal[];
}>;

const hashOf = (event: RecordedEvent): string | undefined => (typeof event.metadata.hash === 'string' ? event.metadata.hash : undefined);
const previousHashOf = (event: RecordedEvent): string | undefined =>
  typeof event.metadata.previousHash === 'string' ? event.metadata.previousHash : undefined;

const findingAt = (event: RecordedEvent, chain: TamperFinding['chain'], kind: TamperKind, detail: string): TamperFinding => ({
  chain,
  streamName: event.streamName,
  kind,
  revision: event.revision.toString(),
  eventId: event.eventId,
  position: serialisePosition(event.position),
  occurredAt: typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : null,
  detail,
});

const streamView: ChainView<RecordedEvent> = {
  hashOf,
  previousHashOf,
  matchesContent: (event) => hashOf(event) === hashEvent(event.type, event.data, event.metadata),
  placeOf: (index) => `revision ${index}`,
  whole: 'stream',
  noHash: 'it carries no hash',
};

/** Checks one stream's chain, event by event, and names the first break. */
const verifyStream = (events: readonly RecordedEvent[], progress: () => void): TamperFinding | undefined => {
  // Revisions are dense: a gap is events removed, whatever the links say.
  const gap = events.findIndex((event, i) => event.revision !== BigInt(i));
  const found = firstBreak(gap === -1 ? events : events.slice(0, gap), streamView, progress);
  if (found !== undefined) {
    const event = events[found.index];
    return event === undefined ? undefined : findingAt(event, 'STREAM', found.kind, found.detail);
  }
  const jumped = events[gap];
  return jumped === undefined ? undefined : findingAt(jumped, 'STREAM', 'REMOVED', `revisions jump from ${gap - 1} to ${jumped.revision}: events are missing`);
};

/**
 * The store's global chain over the whole log (see `LogLink` in `@ssp/eventstore`): kept by
 * the SQLite and in-memory stores, not by EventStoreDB. Events at the start of a store written
 * before it kept the chain carry no link; from the first linked event on, every event must.
 */
export type LogChainReport = Readonly<{
  status: 'INTACT' | 'BROKEN' | 'NOT_KEPT';
  /** Events written before the chain began (a store upgraded from an older schema): covered by the stream chains and seals only. */
  before: number;
  /** Events checked against the global chain. */
  chained: number;
  /** The first place the global chain breaks, when it does. */
  finding?: TamperFinding;
}>;

/** How an event is named in the global chain's details: by its position, with its stream and revision. */
const logView = (events: readonly RecordedEvent[]): ChainView<RecordedEvent> => ({
  hashOf: (event) => event.logLink?.hash,
  previousHashOf: (event) => event.logLink?.previousHash,
  matchesContent: (event) => event.logLink !== undefined && event.logLink.hash === hashLogEntry(event, event.logLink.previousHash),
  placeOf: (index) => {
    const event = events[index];
    return event === undefined ? `index ${index}` : `position ${serialisePosition(event.position)} (${event.streamName}@${event.revision})`;
  },
  whole: 'log',
  noHash: 'it carries no link in the global chain, which every event after the chain began must',
});

/** The newest link of the global chain as the store recorded it beside the events (SQLite: `readSqliteLogHead`). */
export type LogHeadRecord = Readonly<{ position: Position; hash: string }>;

/**
 * The chain's own links cannot show that the log's newest events are gone, nor that events
 * were added after its end by something other than the store; the head the store recorded can.
 */
const headBreak = (chained: readonly RecordedEvent[], head: LogHeadRecord): Readonly<{ index: number; kind: TamperKind; detail: string }> | undefined => {
  const last = chained.length - 1;
  if (chained[last]?.logLink?.hash === head.hash) return undefined;
  const at = chained.findIndex((event) => event.logLink?.hash === head.hash);
  const recorded = `the store recorded position ${serialisePosition(head.position)} as the newest in the log`;
  return at === -1
    ? { index: last, kind: 'REMOVED', detail: `${recorded}, an event no longer there: the events after this one were removed` }
    : { index: at + 1, kind: 'INSERTED', detail: `${recorded}: this event and the ${last - at - 1} after it were added without the store's appends` };
};

const verifyLog = (history: readonly RecordedEvent[], head: LogHeadRecord | undefined): LogChainReport => {
  const before = history.findIndex((event) => event.logLink !== undefined);
  if (before === -1) return { status: 'NOT_KEPT', before: history.length, chained: 0 };
  const chained = history.slice(before);
  const found = firstBreak(chained, logView(chained)) ?? (head === undefined ? undefined : headBreak(chained, head));
  const event = found === undefined ? undefined : chained[found.index];
  return found === undefined || event === undefined
    ? { status: 'INTACT', before, chained: chained.length }
    : { status: 'BROKEN', before, chained: chained.length, finding: findingAt(event, 'LOG', found.kind, found.detail) };
};

export type VerifyOptions = Readonly<{
  onProgress?: (eventsChecked: number) => void;
  /** The head of the global chain that the store recorded, where it keeps one: checked against the log's end. */
  logHead?: LogHeadRecord;
}>;

/**
 * Tamper evidence over the whole history, as read through `readAll` in global order: every
 * event's hash is recomputed with the command side's `hashEvent` and every `previousHash` link
 * checked, stream by stream; and where the store keeps the global chain, every event's log
 * link is checked over the whole log, which catches what moves events between or out of
 * streams (a stream deleted, a stream's newest event removed, the global order changed, an
 * event id or time rewritten).
 */
export const verifyHistory = (history: readonly RecordedEvent[], { onProgress, logHead }: VerifyOptions = {}): VerifyReport => {
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
    const found = verifyStream(ordered, progress);
    if (found !== undefined) findings.push(found);
    const head = ordered[ordered.length - 1];
    seals.push({ streamName, events: ordered.length, headHash: head === undefined ? undefined : hashOf(head) });
  }
  const log = verifyLog(history, logHead);
  onProgress?.(history.length);
  return { intact: findings.length === 0 && log.status !== 'BROKEN', streams: byStream.size, events: history.length, findings, log, seals };
};
