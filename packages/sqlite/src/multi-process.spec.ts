import type { SubscriptionMessage } from '@ssp/eventstore';
import { openSqliteEventStore } from './sqlite-event-store';
import type { RaceCommand, RaceReport } from './testing/racing-appender';
import { forkTypeScript } from './testing/fork-typescript';
import { newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';

const ROUNDS = 20;
const STREAM = 'Device-raced';

type Outcome = Extract<RaceReport, { kind: 'outcome' }>;

const isReport = (message: unknown): message is RaceReport =>
  typeof message === 'object' && message !== null && 'kind' in message;

/** A racing child and a way to wait for its next report. */
const startRacer = (path: string) => {
  const { child, closed } = forkTypeScript('racing-appender.ts', [path]);
  const queued: RaceReport[] = [];
  const waiting: Array<Readonly<{ resolve: (report: RaceReport) => void; reject: (error: Error) => void }>> = [];
  let exitCode: number | null | undefined;
  child.on('message', (message: unknown) => {
    if (!isReport(message)) return;
    const waiter = waiting.shift();
    if (waiter === undefined) queued.push(message);
    else waiter.resolve(message);
  });
  child.once('exit', (code) => {
    exitCode = code;
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`racing child exited with ${String(code)}`));
  });
  const nextReport = (): Promise<RaceReport> =>
    new Promise((resolve, reject) => {
      const ready = queued.shift();
      if (ready !== undefined) resolve(ready);
      else if (exitCode !== undefined) reject(new Error(`racing child exited with ${String(exitCode)}`));
      else waiting.push({ resolve, reject });
    });
  const send = (command: RaceCommand): void => {
    if (child.connected) child.send(command);
  };
  return { closed, nextReport, send };
};

const nextOutcome = async (racer: ReturnType<typeof startRacer>): Promise<Outcome> => {
  const report = await racer.nextReport();
  if (report.kind !== 'outcome') throw new Error(`expected an outcome, got ${report.kind}`);
  return report;
};

/** Collects event ids from the subscription until `count` have arrived. */
const collectEventIds = async (subscription: AsyncIterable<SubscriptionMessage>, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for await (const message of subscription) {
    if (message.kind === 'dropped') throw new Error(`subscription dropped: ${message.error.kind}`);
    if (message.kind === 'event') ids.push(message.event.eventId);
    if (ids.length === count) break;
  }
  return ids;
};

describe('two processes appending to the same file', () => {
  it(
    'given two processes expecting the same revision, when both append at once, then in every round exactly one wins and a third process sees every winner live',
    async () => {
      const directory = createTempDirectory();
      const path = directory.file('shared.sqlite');
      const watcher = rightOf(openSqliteEventStore({ path, pollIntervalMs: 20 }));
      rightOf(await watcher.appendToStream(STREAM, [newEvent('Created')], { expectedRevision: 'NO_STREAM' })());
      // Appends from the children never reach this process's news feed: only polling finds them.
      const delivered = collectEventIds(watcher.subscribeToAll(), ROUNDS + 1);

      const racers = [startRacer(path), startRacer(path)];
      try {
        await Promise.all(racers.map((racer) => racer.nextReport()));
        for (let round = 0; round < ROUNDS; round += 1) {
          const expectedRevision = BigInt(round);
          for (const racer of racers) racer.send({ kind: 'go', round, streamName: STREAM, expectedRevision: String(expectedRevision) });
          const outcomes = await Promise.all(racers.map(nextOutcome));

          expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['WrongExpectedRevision', 'won']);
          const loser = outcomes.find((outcome) => outcome.outcome !== 'won');
          expect(loser?.actual).toBe(String(expectedRevision + 1n));
        }
      } finally {
        for (const racer of racers) racer.send({ kind: 'stop' });
        await Promise.all(racers.map((racer) => racer.closed));
      }

      const stream = rightOf(await watcher.readStream(STREAM)());
      const deliveredIds = await delivered;
      await watcher.close();
      directory.remove();
      expect(stream.map((event) => event.revision)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, index) => BigInt(index)));
      expect(deliveredIds).toEqual(stream.map((event) => event.eventId));
    },
    60_000,
  );
});
