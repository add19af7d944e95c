import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '../sqlite-event-store';
import { forkTypeScript } from '../testing/fork-typescript';
import { newEvent, rightOf } from '../testing/fixtures';
import { createTempDirectory } from '../testing/temp-directory';
import type { CompetingConsumerReport } from './competing-consumer';
import { openSqliteConsumerGroups } from './sqlite-consumer-groups';

const isReport = (message: unknown): message is CompetingConsumerReport =>
  typeof message === 'object' && message !== null && 'kind' in message;

/** A child consuming the group, and every report it has sent so far. */
const startConsumer = (path: string, group: string) => {
  const { child, closed } = forkTypeScript('../consumer-groups/competing-consumer.ts', [path, group]);
  const reports: CompetingConsumerReport[] = [];
  child.on('message', (message: unknown) => {
    if (isReport(message)) reports.push(message);
  });
  return {
    reports,
    acked: () => reports.flatMap((report) => (report.kind === 'acked' ? [report.eventId] : [])),
    stop: () => {
      if (child.connected) child.send({ kind: 'stop' });
      return closed;
    },
  };
};

/** Polls `condition` until it holds; fails after a bound far above what the test needs. */
const eventually = async (what: string, condition: () => boolean): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('consumer groups shared by two processes', () => {
  it(
    'given two processes consuming one group on one file, when events are appended before and while they run, then every event is acked exactly once between them',
    async () => {
      const directory = createTempDirectory();
      const path = directory.file('shared.sqlite');
      const store = rightOf(openSqliteEventStore({ path }));
      const groups = rightOf(openSqliteConsumerGroups(store));
      const group = `work-${randomUUID()}`;
      rightOf(await groups.create(group, { startFrom: 'start', filter: { kind: 'streamCategory', categories: ['Work'] }, maxRetryCount: 3, messageTimeoutMs: 30_000 })());
      const appended: string[] = [];
      const append = async (count: number): Promise<void> => {
        const events = Array.from({ length: count }, () => newEvent('WorkQueued'));
        rightOf(await store.appendToStream(`Work-${randomUUID()}`, events, { expectedRevision: 'NO_STREAM' })());
        appended.push(...events.map((event) => event.eventId));
      };
      await append(20);

      const consumers = [startConsumer(path, group), startConsumer(path, group)];
      const allAcked = () => consumers.flatMap((consumer) => consumer.acked());
      try {
        await eventually('both children are ready', () => consumers.every((consumer) => consumer.reports.length > 0));
        for (let batch = 0; batch < 8; batch += 1) await append(5);
        await eventually('all 60 events are acked', () => new Set(allAcked()).size === appended.length);
      } finally {
        await Promise.all(consumers.map((consumer) => consumer.stop()));
      }

      const left = store.database.connection.prepare<[], { count: number }>('SELECT count(*) AS count FROM consumer_group_events').get();
      await store.close();
      directory.remove();
      expect(consumers.flatMap((consumer) => consumer.reports).filter((report) => report.kind === 'dropped')).toEqual([]);
      expect(allAcked()).toHaveLength(appended.length);
      expect(new Set(allAcked())).toEqual(new Set(appended));
      expect(left?.count).toBe(0);
    },
    60_000,
  );
});
