import type { EventFilter } from './port';

/**
 * The category a category filter sees in a stream name: what precedes the first dash. A name
 * without a dash has none, so `user` is matched by no category filter even though
 * `categoryOf('user')` is `'user'`. Stores that index categories (SQLite) store this value.
 */
export const filterableCategoryOf = (streamName: string): string | undefined => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? undefined : streamName.slice(0, dash);
};

/**
 * Whether an event passes a filter: by category (the stream is `<category>-…` for one of the
 * categories, so `user` matches `user-42` but not `users-42`) or by exact event type. An empty
 * list matches nothing; no filter matches everything. Categories with a dash are refused
 * before any store applies this (see read-options.ts).
 */
export const matchesEventFilter = (
  filter: EventFilter | undefined,
  event: Readonly<{ streamName: string; type: string }>,
): boolean => {
  if (filter === undefined) return true;
  switch (filter.kind) {
    case 'streamCategory': {
      const category = filterableCategoryOf(event.streamName);
      return category !== undefined && filter.categories.includes(category);
    }
    case 'eventType':
      return filter.types.includes(event.type);
  }
};
