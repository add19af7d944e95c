import fc from 'fast-check';
import { filterableCategoryOf, matchesEventFilter } from './event-filter';

describe('matchesEventFilter', () => {
  it('given a category and stream names that share its prefix, when filtering by it, then only <category>-… streams match', () => {
    const filter = { kind: 'streamCategory', categories: ['user'] } as const;
    const matched = ['user-42', 'users-42', 'username-1', 'user', 'user-admin-1', '-user'].filter((streamName) =>
      matchesEventFilter(filter, { streamName, type: 'Happened' }),
    );
    expect(matched).toEqual(['user-42', 'user-admin-1']);
  });

  it('given any dash-free category and any stream name, then matching by the part before the first dash is matching the prefix <category>-', () => {
    // The equivalence that lets SQLite answer a category filter with an index on
    // filterableCategoryOf(streamName), and EventStoreDB narrow it with the prefix `<category>-`.
    const category = fc.string().filter((text) => !text.includes('-'));
    const streamName = fc.oneof(fc.string(), fc.tuple(category, fc.string()).map(([prefix, rest]) => `${prefix}-${rest}`));
    fc.assert(
      fc.property(category, streamName, (wanted, name) => {
        const filter = { kind: 'streamCategory', categories: [wanted] } as const;
        expect(matchesEventFilter(filter, { streamName: name, type: 'Happened' })).toBe(name.startsWith(`${wanted}-`));
      }),
    );
  });

  it('given a stream name without a dash, then it has no category a filter can see', () => {
    expect(filterableCategoryOf('user')).toBeUndefined();
    expect(filterableCategoryOf('user-1-2')).toBe('user');
  });

  it('given event types where one is a prefix of another, when filtering by type, then only the exact type matches', () => {
    const filter = { kind: 'eventType', types: ['Added'] } as const;
    expect(matchesEventFilter(filter, { streamName: 'a-1', type: 'Added' })).toBe(true);
    expect(matchesEventFilter(filter, { streamName: 'a-1', type: 'AddedTwice' })).toBe(false);
  });

  it('given no filter, then everything matches; given empty lists, then nothing does', () => {
    const event = { streamName: 'a-1', type: 'Added' };
    expect(matchesEventFilter(undefined, event)).toBe(true);
    expect(matchesEventFilter({ kind: 'streamCategory', categories: [] }, event)).toBe(false);
    expect(matchesEventFilter({ kind: 'eventType', types: [] }, event)).toBe(false);
  });
});
