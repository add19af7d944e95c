import * as E from 'fp-ts/Either';
import type { RecordedEvent, SubscriptionMessage } from '@ssp/eventstore';
import { openSqliteEventStore } from './sqlite-event-store';
import type { SqliteEventStore } from './sqlite-event-store';
import { createTempDirectory } from './testing/temp-directory';
import type { TempDirectory } from './testing/temp-directory';
import { leftOf, newEvent, rightOf } from './testing/fixtures';

/** Reads messages until `done` says so; the subscription stays open for the caller to close. */
const collectUntil = async (
  iterator: AsyncIterator<SubscriptionMessage>,
  done: (messages: readonly SubscriptionMessage[]) => boolean,
): Promise<SubscriptionMessage[]> => {
  const messages: SubscriptionMessage[] = [];
  while (!done(messages)) {
    const next = await iterator.next();
    if (next.done === true) break;
    messages.push(next.value);
  }
  return messages;
};

const eventIdsOf = (messages: readonly SubscriptionMessage[]): string[] =>
  messages.flatMap((message) => (message.kind === 'event' ? [message.event.eventId] : []));

const kindsOf = (messages: readonly SubscriptionMessage[]): string[] =>
  messages.map((message) => (message.kind === 'event' ? message.event.type : message.kind));

describe('SQLite event store', () => {
  let directory: TempDirectory;
  let store: SqliteEventStore;

  beforeEach(() => {
    directory = createTempDirectory();
    store = rightOf(openSqliteEventStore({ path: directory.file('store.sqlite'), pollIntervalMs: 10 }));
  });

  afterEach(async () => {
    await store.close();
    directory.remove();
  });

  describe('appending and reading a stream', () => {
    it('given no events, when a stream is read, then it reads as an empty history', async () => {
      expect(rightOf(await store.readStream('Device-unknown')())).toEqual([]);
    });

    it('given two appends, when the stream is read, then revisions run 0.. and data round-trips', async () => {
      const first = newEvent('DeviceRegistered', { name: 'phone', nested: { list: [1, 'two', null, true] } });
      const second = newEvent('DeviceRenamed', { name: 'old phone' });
      rightOf(await store.appendToStream('Device-1', [first], { expectedRevision: 'NO_STREAM' })());
      const result = rightOf(await store.appendToStream('Device-1', [second], { expectedRevision: 0n })());

      const events = rightOf(await store.readStream('Device-1')());
      expect(events.map((event) => [event.eventId, event.revision, event.type])).toEqual([
        [first.eventId, 0n, 'DeviceRegistered'],
        [second.eventId, 1n, 'DeviceRenamed'],
      ]);
      expect(events[0]?.data).toEqual(first.data);
      expect(events[0]?.metadata).toEqual(first.metadata);
      expect(result).toEqual({ nextExpectedRevision: 1n, position: events[1]?.position });
    });

    it('given a stream of five, when read from revision 2 with maxCount 2, then revisions 2 and 3 come back', async () => {
      const five = ['a', 'b', 'c', 'd', 'e'].map((type) => newEvent(type));
      rightOf(await store.appendToStream('Device-1', five, { expectedRevision: 'NO_STREAM' })());
      const events = rightOf(await store.readStream('Device-1', { fromRevision: 2n, maxCount: 2 })());
      expect(events.map((event) => event.revision)).toEqual([2n, 3n]);
    });
  });

  describe('expected revisions', () => {
    it('given an existing stream, when appending with NO_STREAM, then WrongExpectedRevision carries the actual revision', async () => {
      rightOf(await store.appendToStream('Device-1', [newEvent('a'), newEvent('b')], { expectedRevision: 'ANY' })());
      const error = leftOf(await store.appendToStream('Device-1', [newEvent('c')], { expectedRevision: 'NO_STREAM' })());
      expect(error).toEqual({ kind: 'WrongExpectedRevision', streamName: 'Device-1', expected: 'NO_STREAM', actual: 1n });
    });

    it('given no stream, when appending with STREAM_EXISTS or an exact revision, then both are refused with NO_STREAM', async () => {
      const exists = leftOf(await store.appendToStream('Device-1', [newEvent('a')], { expectedRevision: 'STREAM_EXISTS' })());
      const exact = leftOf(await store.appendToStream('Device-1', [newEvent('a')], { expectedRevision: 0n })());
      expect(exists).toMatchObject({ kind: 'WrongExpectedRevision', actual: 'NO_STREAM' });
      expect(exact).toMatchObject({ kind: 'WrongExpectedRevision', actual: 'NO_STREAM', expected: 0n });
      expect(rightOf(await store.readStream('Device-1')())).toEqual([]);
    });

    it('given a stream at revision 1, when appending with a stale revision, then nothing is written', async () => {
      rightOf(await store.appendToStream('Device-1', [newEvent('a'), newEvent('b')], { expectedRevision: 'NO_STREAM' })());
      const error = leftOf(await store.appendToStream('Device-1', [newEvent('c')], { expectedRevision: 0n })());
      expect(error).toMatchObject({ kind: 'WrongExpectedRevision', expected: 0n, actual: 1n });
      expect(rightOf(await store.readStream('Device-1')())).toHaveLength(2);
    });

    it('given a stream, when appending nothing with the right revision, then the check passes and nothing is written', async () => {
      const written = rightOf(await store.appendToStream('Device-1', [newEvent('a')], { expectedRevision: 'NO_STREAM' })());
      const checked = rightOf(await store.appendToStream('Device-1', [], { expectedRevision: 0n })());
      expect(checked).toEqual(written);
      expect(leftOf(await store.appendToStream('Device-1', [], { expectedRevision: 5n })())).toMatchObject({ actual: 0n });
    });

    it('given an event id already stored, when it is appended again, then the whole append is refused as a value', async () => {
      const event = newEvent('a');
      rightOf(await store.appendToStream('Device-1', [event], { expectedRevision: 'ANY' })());
      const error = leftOf(await store.appendToStream('Device-2', [newEvent('b'), event], { expectedRevision: 'ANY' })());
      expect(error.kind).toBe('Failure');
      expect(rightOf(await store.readStream('Device-2')())).toEqual([]);
    });
  });

  describe('reading all events', () => {
    const appendSample = async (): Promise<void> => {
      rightOf(await store.appendToStream('Device-1', [newEvent('DeviceRegistered')], { expectedRevision: 'ANY' })());
      rightOf(await store.appendToStream('User-1', [newEvent('UserEnrolled')], { expectedRevision: 'ANY' })());
      rightOf(await store.appendToStream('Device-2', [newEvent('DeviceRegistered')], { expectedRevision: 'ANY' })());
      rightOf(await store.appendToStream('Device', [newEvent('NoCategory')], { expectedRevision: 'ANY' })());
    };

    it('given events in several streams, when read from a position, then the page starts there inclusive', async () => {
      await appendSample();
      const everything = rightOf(await store.readAll()());
      expect(everything.map((event) => event.streamName)).toEqual(['Device-1', 'User-1', 'Device-2', 'Device']);
      const second = everything[1];
      if (second === undefined) throw new Error('missing event');
      const page = rightOf(await store.readAll({ from: second.position, maxCount: 2 })());
      expect(page.map((event) => event.streamName)).toEqual(['User-1', 'Device-2']);
    });

    it('given events in several streams, when filtered by category, then only `<category>-` streams match', async () => {
      await appendSample();
      const devices = rightOf(await store.readAll({ filter: { kind: 'streamCategory', categories: ['Device'] } })());
      expect(devices.map((event) => event.streamName)).toEqual(['Device-1', 'Device-2']);
    });

    it('given events of several types, when filtered by type, then only those types come back in order', async () => {
      await appendSample();
      const filter = { kind: 'eventType', types: ['UserEnrolled', 'NoCategory'] } as const;
      const events = rightOf(await store.readAll({ filter })());
      expect(events.map((event) => event.type)).toEqual(['UserEnrolled', 'NoCategory']);
    });
  });

  describe('subscribing to all events', () => {
    it('given history, when subscribing, then history, caughtUp, then live appends arrive in order', async () => {
      rightOf(await store.appendToStream('Device-1', [newEvent('h1'), newEvent('h2')], { expectedRevision: 'ANY' })());
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const history = await collectUntil(iterator, (messages) => messages.length === 3);
      rightOf(await store.appendToStream('Device-2', [newEvent('live1')], { expectedRevision: 'ANY' })());
      const live = await collectUntil(iterator, (messages) => messages.length === 1);
      await subscription.close();
      expect(kindsOf([...history, ...live])).toEqual(['h1', 'h2', 'caughtUp', 'live1']);
      expect((await iterator.next()).done).toBe(true);
    });

    it('given a checkpoint, when subscribing after it, then delivery starts strictly after it', async () => {
      rightOf(await store.appendToStream('Device-1', [newEvent('a'), newEvent('b'), newEvent('c')], { expectedRevision: 'ANY' })());
      const [first] = rightOf(await store.readAll({ maxCount: 1 })());
      if (first === undefined) throw new Error('missing event');
      const subscription = store.subscribeToAll({ after: first.position });
      const messages = await collectUntil(subscription[Symbol.asyncIterator](), (seen) => seen.length === 3);
      await subscription.close();
      expect(kindsOf(messages)).toEqual(['b', 'c', 'caughtUp']);
    });

    it('given events appended after subscribing but before reading, then they come after caughtUp', async () => {
      rightOf(await store.appendToStream('Device-1', [newEvent('before')], { expectedRevision: 'ANY' })());
      const subscription = store.subscribeToAll({ filter: { kind: 'streamCategory', categories: ['Device'] } });
      rightOf(await store.appendToStream('Device-1', [newEvent('after')], { expectedRevision: 0n })());
      const messages = await collectUntil(subscription[Symbol.asyncIterator](), (seen) => seen.length === 3);
      await subscription.close();
      expect(kindsOf(messages)).toEqual(['before', 'caughtUp', 'after']);
    });

    it('given more history than a page, when catching up, then every event arrives once, in order', async () => {
      await store.close();
      store = rightOf(openSqliteEventStore({ path: directory.file('store.sqlite'), subscriptionPageSize: 3, pollIntervalMs: 10 }));
      const appended = Array.from({ length: 10 }, (_, index) => newEvent(`e${index}`));
      for (const event of appended) rightOf(await store.appendToStream('Device-1', [event], { expectedRevision: 'ANY' })());
      const subscription = store.subscribeToAll();
      const messages = await collectUntil(subscription[Symbol.asyncIterator](), (seen) => seen.length === 11);
      await subscription.close();
      expect(eventIdsOf(messages)).toEqual(appended.map((event) => event.eventId));
      expect(messages[10]).toEqual({ kind: 'caughtUp' });
    });

    it('given a second connection to the same file, when it appends, then a live subscription finds the event by polling', async () => {
      const other = rightOf(openSqliteEventStore({ path: directory.file('store.sqlite') }));
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      await collectUntil(iterator, (seen) => seen.length === 1);
      const event = newEvent('fromElsewhere');
      rightOf(await other.appendToStream('Device-9', [event], { expectedRevision: 'NO_STREAM' })());
      const live = await collectUntil(iterator, (seen) => seen.length === 1);
      await subscription.close();
      await other.close();
      expect(eventIdsOf(live)).toEqual([event.eventId]);
    });

    it('given a consumer that breaks out of its loop, then the subscription is closed and the store closes cleanly', async () => {
      rightOf(await store.appendToStream('Device-1', [newEvent('a')], { expectedRevision: 'ANY' })());
      const seen: RecordedEvent[] = [];
      for await (const message of store.subscribeToAll()) {
        if (message.kind === 'event') seen.push(message.event);
        if (message.kind === 'caughtUp') break;
      }
      expect(seen).toHaveLength(1);
    });

    it('given an open subscription, when the store closes, then iteration ends without dropped', async () => {
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      await collectUntil(iterator, (seen) => seen.length === 1);
      const pending = iterator.next();
      await store.close();
      expect((await pending).done).toBe(true);
    });
  });

  describe('errors are values', () => {
    it('given a store on a borrowed connection, when it closes, then its calls are refused and the connection stays open', async () => {
      const borrower = rightOf(openSqliteEventStore({ database: store.database }));
      rightOf(await store.appendToStream('Device-1', [newEvent('a')], { expectedRevision: 'NO_STREAM' })());
      await borrower.close();

      expect(leftOf(await borrower.readStream('Device-1')())).toMatchObject({ kind: 'Unavailable', message: expect.stringContaining('closed') });
      expect(rightOf(await store.readStream('Device-1')())).toHaveLength(1);
    });

    it('given another connection holding the write lock past busy_timeout, when appending, then Unavailable comes back and nothing is written', async () => {
      const path = directory.file('store.sqlite');
      const impatient = rightOf(openSqliteEventStore({ path, busyTimeoutMs: 0 }));
      store.database.connection.exec('BEGIN IMMEDIATE');
      const error = leftOf(await impatient.appendToStream('Device-1', [newEvent('a')], { expectedRevision: 'ANY' })());
      store.database.connection.exec('ROLLBACK');

      expect(error).toMatchObject({ kind: 'Unavailable', message: expect.stringContaining('SQLITE_BUSY') });
      expect(rightOf(await impatient.readStream('Device-1')())).toEqual([]);
      await impatient.close();
    });

    it('given a directory that does not exist, when opening, then the error is a value', () => {
      const path = directory.file('missing/dir/store.sqlite');
      const error = leftOf(openSqliteEventStore({ path }));
      expect(error).toMatchObject({ kind: 'Failure', message: expect.stringContaining(path) });
    });
  });
});
