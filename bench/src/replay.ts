import type { DevicesView } from './devices-view';

/**
 * One of W3's replays of W1's history, opened untimed (the history copied into its store):
 * `replay` is what is timed and answers how many events it went through; `readModel` the
 * devices-per-user read model it built (undefined for the raw reads, which build none).
 */
export type Replay = Readonly<{
  replay: () => Promise<Readonly<{ events: number }>>;
  readModel: (userIds: readonly string[]) => Promise<DevicesView | undefined>;
  close: () => Promise<void>;
}>;

export const replaySystems = [
  'ours-runner-memory',
  'ours-runner-sqlite',
  'ours-readall-memory',
  'ours-readall-sqlite',
  'emmett-memory-streams',
  'emmett-sqlite-processor',
  'emmett-sqlite-readall',
  'ceiling-memory-loop',
  'ceiling-sqlite-table',
] as const;
export type ReplaySystemId = (typeof replaySystems)[number];
