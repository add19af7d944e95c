import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { openSqliteEventStore } from './sqlite-event-store';
import { forkTypeScript } from './testing/fork-typescript';
import { rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';

const ROUNDS = 5;
const STREAM = 'Clock-crashing';

type RoundResult = Readonly<{ acknowledged: readonly string[]; exit: number | NodeJS.Signals | null }>;

/**
 * Runs the endless appender until it has acknowledged a random number of appends, then kills
 * it with SIGKILL a random instant later: usually in the middle of its next append.
 */
const appendUntilKilled = async (path: string): Promise<RoundResult> => {
  const { child, closed } = forkTypeScript('endless-appender.ts', [path, STREAM]);
  const stdout = child.stdout;
  if (stdout === null) throw new Error('the child has no stdout pipe');
  const killAfter = randomInt(5, 60);
  const acknowledged: string[] = [];
  createInterface({ input: stdout }).on('line', (eventId) => {
    acknowledged.push(eventId);
    if (acknowledged.length === killAfter) setTimeout(() => child.kill('SIGKILL'), randomInt(0, 4));
  });
  // `closed` waits for the pipes to drain too, so every acknowledgement written is read.
  const exit = await closed;
  return { acknowledged, exit };
};

describe('crash safety', () => {
  it(
    'given a process appending when it is killed with SIGKILL, then the file opens intact with every acknowledged append, round after round',
    async () => {
      const directory = createTempDirectory();
      const path = directory.file('crashing.sqlite');
      const allAcknowledged: string[] = [];
      try {
        for (let round = 0; round < ROUNDS; round += 1) {
          const { acknowledged, exit } = await appendUntilKilled(path);
          expect(exit).toBe('SIGKILL');
          allAcknowledged.push(...acknowledged);

          const store = rightOf(openSqliteEventStore({ path }));
          const integrity: unknown = store.database.connection.pragma('integrity_check', { simple: true });
          const stored = rightOf(await store.readStream(STREAM)());
          await store.close();

          expect(integrity).toBe('ok');
          expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => BigInt(index)));
          // Every acknowledged append is there, in order; at most one more (the append in
          // flight when the kill came, committed but not yet acknowledged) may follow.
          const storedIds = stored.map((event) => event.eventId);
          expect(storedIds.slice(0, allAcknowledged.length)).toEqual(allAcknowledged);
          expect(storedIds.length - allAcknowledged.length).toBeLessThanOrEqual(1);
          // Later rounds continue from whatever is stored, acknowledged or not.
          allAcknowledged.splice(0, allAcknowledged.length, ...storedIds);
        }
      } finally {
        directory.remove();
      }
    },
    120_000,
  );
});
