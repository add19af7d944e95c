import type { EventLog, StoredEvent } from './event-log';

/**
 * Stream reads honour the `$maxCount` and `$tb` (truncate before) of the stream's metadata (the
 * last `$metadata` event of `$$<stream>`), as EventStoreDB does: older events are no longer
 * visible in the stream even before a scavenge removes them. `$all` keeps showing them, also as
 * on the server. Persistent subscriptions hide replayed parked events with `$tb`.
 */
export const visibleEvents = (log: EventLog, streamName: string): readonly StoredEvent[] => {
  const events = log.stream(streamName);
  const metadata = metadataOf(log, streamName);
  const maxCount = positiveSafeInteger(metadata?.['$maxCount']);
  const truncateBefore = positiveSafeInteger(metadata?.['$tb']);
  const kept = maxCount === undefined ? events : events.slice(Math.max(0, events.length - maxCount));
  return truncateBefore === undefined ? kept : kept.filter((event) => event.revision >= BigInt(truncateBefore));
};

const metadataOf = (log: EventLog, streamName: string): Readonly<Record<string, unknown>> | undefined => {
  const metadata = log.stream(`$$${streamName}`).at(-1);
  if (metadata === undefined || metadata.type !== '$metadata') return undefined;
  const parsed = parseJson(Buffer.from(metadata.data).toString('utf8'));
  return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : undefined;
};

const positiveSafeInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
