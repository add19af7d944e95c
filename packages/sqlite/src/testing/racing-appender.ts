/**
 * Child process for the multi-process test. On each `go` message it appends one event to
 * the given stream with the given exact expected revision and reports who won.
 * Run with `node --import tsx`; talks to its parent over the IPC channel.
 */
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { openSqliteEventStore } from '../sqlite-event-store';
import { describeOpenError } from '../open-error';

export type RaceCommand =
  | Readonly<{ kind: 'go'; round: number; streamName: string; expectedRevision: string }>
  | Readonly<{ kind: 'stop' }>;

export type RaceReport =
  | Readonly<{ kind: 'ready' }>
  | Readonly<{ kind: 'outcome'; round: number; outcome: string; actual: string | undefined }>;

const isRaceCommand = (message: unknown): message is RaceCommand =>
  typeof message === 'object' && message !== null && 'kind' in message && (message.kind === 'go' || message.kind === 'stop');

const report = (message: RaceReport): void => {
  process.send?.(message);
};

const [path] = process.argv.slice(2);
const opened = openSqliteEventStore({ path: path ?? '' });
if (E.isLeft(opened)) {
  process.stderr.write(`racing appender could not open ${path ?? ''}: ${describeOpenError(opened.left)}\n`);
  process.exit(1);
}
const store = opened.right;

process.on('message', (message: unknown) => {
  if (!isRaceCommand(message)) return;
  if (message.kind === 'stop') {
    void store.close().then(() => process.disconnect());
    return;
  }
  const event = { eventId: randomUUID(), type: 'Raced', data: { pid: process.pid, round: message.round }, metadata: {} };
  void store
    .appendToStream(message.streamName, [event], { expectedRevision: BigInt(message.expectedRevision) })()
    .then((result) =>
      report({
        kind: 'outcome',
        round: message.round,
        outcome: E.isRight(result) ? 'won' : result.left.kind,
        actual: E.isLeft(result) && result.left.kind === 'WrongExpectedRevision' ? String(result.left.actual) : undefined,
      }),
    );
});

report({ kind: 'ready' });
