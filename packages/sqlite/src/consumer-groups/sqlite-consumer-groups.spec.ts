import { describeConsumerGroupConformance } from '@ssp/eventstore/conformance';
import { openSqliteEventStore } from '../sqlite-event-store';
import { leftOf, newEvent, rightOf } from '../testing/fixtures';
import { createTempDirectory } from '../testing/temp-directory';
import { openSqliteConsumerGroups } from './sqlite-consumer-groups';

// Every test gets its own file on disk (WAL, synchronous=FULL), as in production.
describeConsumerGroupConformance('SQLite consumer groups', async () => {
  const directory = createTempDirectory();
  const store = rightOf(openSqliteEventStore({ path: directory.file('events.sqlite'), pollIntervalMs: 20 }));
  const groups = rightOf(openSqliteConsumerGroups(store, { pollIntervalMs: 20 }));
  return {
    store,
    groups,
    close: async () => {
      await store.close();
      directory.remove();
    },
  };
});

describe('SQLite consumer groups, beyond the port', () => {
  it('given a group with acked and parked events, when the store is closed and opened again, then the group goes on where it was', async () => {
    const directory = createTempDirectory();
    const path = directory.file('events.sqlite');
    const events = [newEvent('Queued'), newEvent('Queued'), newEvent('Queued')];
    const [poison, acked, later] = events.map((event) => event.eventId);
    const first = rightOf(openSqliteEventStore({ path }));
    rightOf(await first.appendToStream('Work-1', events.slice(0, 2), { expectedRevision: 'NO_STREAM' })());
    const groups = rightOf(openSqliteConsumerGroups(first, { pollIntervalMs: 20 }));
    rightOf(await groups.create('workers', { startFrom: 'start', maxRetryCount: 1, messageTimeoutMs: 30_000 })());
    const consumer = groups.join('workers');
    for await (const message of consumer) {
      if (message.kind !== 'event') throw new Error(`unexpected ${message.kind}`);
      if (message.event.eventId === poison) await message.nack('park', 'poison');
      else await message.ack();
      if (message.event.eventId === acked) break;
    }
    await first.close();

    const second = rightOf(openSqliteEventStore({ path }));
    rightOf(await second.appendToStream('Work-1', events.slice(2), { expectedRevision: 1n })());
    const reopened = rightOf(openSqliteConsumerGroups(second, { pollIntervalMs: 20 }));
    expect(rightOf(await reopened.create('workers', { startFrom: 'end', maxRetryCount: 5, messageTimeoutMs: 1 })())).toBe('exists');
    expect(rightOf(await reopened.parked('workers')()).map((entry) => [entry.event.eventId, entry.reason])).toEqual([[poison, 'poison']]);
    const next = reopened.join('workers')[Symbol.asyncIterator]();
    const delivered = await next.next();
    await second.close();
    directory.remove();
    expect(delivered.done !== true && delivered.value.kind === 'event' ? [delivered.value.event.eventId, delivered.value.retryCount] : delivered).toEqual([later, 0]);
  });

  it('given a store opened read-only, when opening its consumer groups, then they are refused: they would have to write', async () => {
    const directory = createTempDirectory();
    const path = directory.file('events.sqlite');
    await rightOf(openSqliteEventStore({ path })).close();
    const readOnly = rightOf(openSqliteEventStore({ path, readOnly: true }));
    const refusal = leftOf(openSqliteConsumerGroups(readOnly));
    await readOnly.close();
    directory.remove();
    expect(refusal).toEqual({ kind: 'Failure', message: expect.stringContaining('read-only') });
  });
});
