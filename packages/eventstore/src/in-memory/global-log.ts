import type { LogPage } from '../catch-up-subscription';
import { matchesEventFilter } from '../event-filter';
import { createNewsFeed, type NewsFeed } from '../news-feed';
import type { EventFilter, RecordedEvent } from '../port';

/**
 * The store's single append-only sequence of events, plus the news that wakes live
 * subscriptions when something is appended. The event at index i has sequence i + 1 (its
 * position is `positionOf(i + 1)`), so subscriptions and reads address it by sequence.
 */
export type GlobalLog = Readonly<{
  events: readonly RecordedEvent[];
  news: NewsFeed;
  append(events: readonly RecordedEvent[]): void;
}>;

export const createGlobalLog = (): GlobalLog => {
  const events: RecordedEvent[] = [];
  const news = createNewsFeed();
  return {
    events,
    news,
    append(appended) {
      for (const event of appended) events.push(event);
      news.announce();
    },
  };
};

/** Up to `limit` (or all) events matching `filter` from sequence `first` on, and where the next read starts. */
export const readLog = (log: GlobalLog, first: bigint, filter: EventFilter | undefined, limit: number | undefined): LogPage => {
  const page: RecordedEvent[] = [];
  // Sequences start at 1; a sequence past the end leaves nothing to read.
  let index = first > BigInt(log.events.length) ? log.events.length : Math.max(0, Number(first) - 1);
  for (; index < log.events.length && (limit === undefined || page.length < limit); index += 1) {
    const event = log.events[index];
    if (event !== undefined && matchesEventFilter(filter, event)) page.push(event);
  }
  return { events: page, next: BigInt(index + 1) };
};
