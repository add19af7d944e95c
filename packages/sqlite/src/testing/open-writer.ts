/**
 * Child process for the read-only tests: opens a store, appends the given number of events to
 * one stream, writes each acknowledged event id to stdout, then holds the store open until the
 * parent kills it. Killed with SIGKILL it never checkpoints: its commits stay in the -wal,
 * next to the -shm, as a writer that is running (or crashed) leaves them.
 * Run with `node --import tsx`: arguments are the store path, the stream name and the count.
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { describeOpenError } from '../open-error';
import { openSqliteEventStore } from '../sqlite-event-store';

const fail = (message: string): never => {
  process.stderr.write(`open writer: ${message}\n`);
  process.exit(1);
};

const appendThenHold = async (path: string, streamName: string, count: number): Promise<void> => {
  const opened = openSqliteEventStore({ path });
  if (E.isLeft(opened)) return fail(describeOpenError(opened.left));
  const store = opened.right;
  for (let revision = 0; revision < count; revision += 1) {
    const eventId = randomUUID();
    const event = { eventId, type: 'Ticked', data: { revision: String(revision) }, metadata: {} };
    const appended = await store.appendToStream(streamName, [event], { expectedRevision: revision === 0 ? 'NO_STREAM' : BigInt(revision - 1) })();
    if (E.isLeft(appended)) return fail(`append refused: ${appended.left.kind}`);
    writeSync(1, `${eventId}\n`);
  }
  // Held open by the timer until the parent's SIGKILL.
  setInterval(() => undefined, 60_000);
};

const [path, streamName, count] = process.argv.slice(2);
if (path === undefined || streamName === undefined || count === undefined) fail('usage: open-writer <path> <stream> <count>');
else void appendThenHold(path, streamName, Number(count));
