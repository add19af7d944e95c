import type { EventFilter, RecordedEvent } from '../port';

/** A category filter matches `<category>-…` only, as an EventStoreDB stream-prefix filter would. */
export const matchesFilter = (filter: EventFilter | undefined, event: RecordedEvent): boolean => {
  if (filter === undefined) return true;
  switch (filter.kind) {
    case 'streamCategory':
      return filter.categories.some((category) => event.streamName.startsWith(`${category}-`));
    case 'eventType':
      return filter.types.includes(event.type);
  }
};
