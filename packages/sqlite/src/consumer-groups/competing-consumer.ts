/**
 * Child process for the multi-process consumer-group test: joins a group on the given file,
 * acknowledges every event it is given and reports each acknowledged event id to its parent,
 * until the parent says `stop`. Run with `node --import tsx`; arguments are the store path and
 * the group name.
 */
import * as E from 'fp-ts/Either';
import { describeOpenError } from '../open-error';
import { openSqliteEventStore } from '../sqlite-event-store';
import { openSqliteConsumerGroups } from './sqlite-consumer-groups';

export type CompetingConsumerReport =
  | Readonly<{ kind: 'ready' }>
  | Readonly<{ kind: 'acked'; eventId: string }>
  | Readonly<{ kind: 'dropped'; message: string }>;

const report = (message: CompetingConsumerReport): void => {
  process.send?.(message);
};

const fail = (message: string): never => {
  process.stderr.write(`competing consumer: ${message}\n`);
  process.exit(1);
};

const isStop = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && 'kind' in message && message.kind === 'stop';

const consume = async (path: string, group: string): Promise<void> => {
  const opened = openSqliteEventStore({ path, pollIntervalMs: 20 });
  if (E.isLeft(opened)) return fail(describeOpenError(opened.left));
  const store = opened.right;
  const groups = openSqliteConsumerGroups(store, { pollIntervalMs: 20 });
  if (E.isLeft(groups)) return fail(describeOpenError(groups.left));
  const consumer = groups.right.join(group, { bufferSize: 2 });
  process.on('message', (message: unknown) => {
    if (isStop(message)) void consumer.close().then(() => store.close()).then(() => process.disconnect());
  });

  report({ kind: 'ready' });
  for await (const message of consumer) {
    if (message.kind === 'dropped') {
      report({ kind: 'dropped', message: message.error.kind });
      return;
    }
    await message.ack();
    report({ kind: 'acked', eventId: message.event.eventId });
  }
};

const [path, group] = process.argv.slice(2);
if (path === undefined || group === undefined) fail('usage: competing-consumer <path> <group>');
else void consume(path, group);
