import type { EventLog, StoredEvent } from './event-log';

/**
 * Stream reads honour the `$maxCount` of the stream's metadata (the last `$metadata` event of
 * `$$<stream>`), as EventStoreDB does: older events are no longer visible in the stream even
 * before a scavenge removes them. `$all` keeps showing them, also as on the server.
 */
export const visibleEvents = (log: EventLog, streamName: string): readonly StoredEvent[] => {
  const events = log.stream(streamName);
  const maxCount = maxCountOf(log, streamName);
  return maxCount === undefined ? events : events.slice(Math.max(0, events.length - maxCount));
};

const maxCountOf = (log: EventLog, streamName: string): number | undefined => {
  const metadata = log.stream(`$$${streamName}`).at(-1);
  if (metadata === undefined || metadata.type !== '$metadata') return undefined;
  const parsed = parseJson(Buffer.from(metadata.data).toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('$maxCount' in parsed)) return undefined;
  const maxCount = parsed.$maxCount;
  return typeof maxCount === 'number' && Number.isSafeInteger(maxCount) && maxCount > 0 ? maxCount : undefined;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
