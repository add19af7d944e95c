import { ceilingReplay } from './replay-ceilings';
import { emmettReplay } from './replay-emmett';
import { ourReplay } from './replay-ours';
import type { Replay, ReplaySystemId } from './replay';
import type { SeedEvent } from './seed';

export { replaySystems, type Replay, type ReplaySystemId } from './replay';

/** Opens one of W3's replays over a copy of `events`, files (if any) in `directory`. */
export const openReplay = (id: ReplaySystemId, directory: string, events: readonly SeedEvent[]): Promise<Replay> => {
  switch (id) {
    case 'ours-runner-memory':
      return ourReplay('memory', true, directory, events);
    case 'ours-runner-sqlite':
      return ourReplay('sqlite', true, directory, events);
    case 'ours-readall-memory':
      return ourReplay('memory', false, directory, events);
    case 'ours-readall-sqlite':
      return ourReplay('sqlite', false, directory, events);
    case 'emmett-memory-streams':
      return emmettReplay('memory', directory, events);
    case 'emmett-sqlite-processor':
      return emmettReplay('sqlite-processor', directory, events);
    case 'emmett-sqlite-readall':
      return emmettReplay('sqlite-readall', directory, events);
    case 'ceiling-memory-loop':
      return Promise.resolve(ceilingReplay('memory', directory, events));
    case 'ceiling-sqlite-table':
      return Promise.resolve(ceilingReplay('sqlite', directory, events));
  }
};
