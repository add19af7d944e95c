/**
 * Child process for the crash-safety test: appends one event at a time to a stream, forever,
 * each with the exact expected revision, and writes the event id of every acknowledged append
 * to stdout before starting the next. The parent kills it with SIGKILL at a random moment.
 * Run with `node --import tsx`: arguments are the store path and the stream name.
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { describeOpenError } from '../open-error';
import { openSqliteEventStore } from '../sqlite-event-store';

const fail = (message: string): never => {
  process.stderr.write(`endless appender: ${message}\n`);
  process.exit(1);
};

const appendForever = async (path: string, streamName: string): Promise<void> => {
  const opened = openSqliteEventStore({ path });
  if (E.isLeft(opened)) return fail(describeOpenError(opened.left));
  const store = opened.right;
  const history = await store.readStream(streamName)();
  if (E.isLeft(history)) return fail(history.left.kind);
  let lastRevision = history.right.at(-1)?.revision ?? -1n;
  for (;;) {
    const eventId = randomUUID();
    const event = { eventId, type: 'Ticked', data: { revision: String(lastRevision + 1n) }, metadata: {} };
    const expectedRevision = lastRevision < 0n ? 'NO_STREAM' : lastRevision;
    const appended = await store.appendToStream(streamName, [event], { expectedRevision })();
    if (E.isLeft(appended)) return fail(`append refused: ${appended.left.kind}`);
    lastRevision = appended.right.nextExpectedRevision;
    // writeSync: the acknowledgement is in the pipe before the next append begins, so the
    // parent never counts an append as acknowledged that the child had not finished.
    writeSync(1, `${eventId}\n`);
  }
};

const [path, streamName] = process.argv.slice(2);
if (path === undefined || streamName === undefined) fail('usage: endless-appender <path> <stream>');
else void appendForever(path, streamName);
