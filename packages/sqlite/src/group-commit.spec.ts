import * as E from 'fp-ts/Either';
import Database from 'better-sqlite3';
import type { AppendResult, StoreError } from '@ssp/eventstore';
import { hashLogEntry, positionOf } from '@ssp/eventstore';
import type { AppendRequest, Appender } from './append';
import { createGroupCommit } from './group-commit';
import { readSqliteLogHead } from './log-head';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory, type TempDirectory } from './testing/temp-directory';

/** An appender that records the groups it was given and answers each request with its index. */
const recordingAppender = () => {
  const groups: string[][] = [];
  const answer = (request: AppendRequest): E.Either<StoreError, AppendResult> =>
    E.right({ nextExpectedRevision: BigInt(request.events.length), position: positionOf(1n) });
  const appender: Appender = {
    one: (request) => {
      groups.push([request.streamName]);
      return answer(request);
    },
    group: (requests) => {
      groups.push(requests.map(({ streamName }) => streamName));
      return requests.map(answer);
    },
  };
  return { appender, groups };
};

const request = (streamName: string, events = 1): AppendRequest => ({
  streamName,
  events: Array.from({ length: events }, () => newEvent('Happened')),
  expectedRevision: 'ANY',
});

describe('group commit', () => {
  it('given appends requested in one turn of the event loop, when they settle, then they were written as one group, each answered with its own result', async () => {
    const { appender, groups } = recordingAppender();
    const commit = createGroupCommit(appender, () => undefined);

    const results = await Promise.all([commit.append(request('A-1', 1)), commit.append(request('B-1', 2)), commit.append(request('C-1', 3))]);

    expect(groups).toEqual([['A-1', 'B-1', 'C-1']]);
    expect(results.map((result) => rightOf(result).nextExpectedRevision)).toEqual([1n, 2n, 3n]);
  });

  it('given an append requested after a group committed, when it settles, then it was written in a group of its own', async () => {
    const { appender, groups } = recordingAppender();
    const commit = createGroupCommit(appender, () => undefined);

    await commit.append(request('A-1'));
    await commit.append(request('B-1'));

    expect(groups).toEqual([['A-1'], ['B-1']]);
  });

  it('given more appends waiting than a group may hold, when flushed, then they are written in groups of at most that size, in order', async () => {
    const { appender, groups } = recordingAppender();
    const commit = createGroupCommit(appender, () => undefined, 2);

    await Promise.all(['A-1', 'B-1', 'C-1', 'D-1', 'E-1'].map((name) => commit.append(request(name))));

    expect(groups).toEqual([['A-1', 'B-1'], ['C-1', 'D-1'], ['E-1']]);
  });
});

describe('group commit on a SQLite file', () => {
  let directory: TempDirectory;
  let store: SqliteEventStore;

  beforeEach(() => {
    directory = createTempDirectory();
    store = rightOf(openSqliteEventStore({ path: directory.file('store.sqlite'), synchronous: 'FULL' }));
  });

  afterEach(async () => {
    await store.close();
    directory.remove();
  });

  const count = (path: string): number => {
    const reader = new Database(path, { readonly: true });
    try {
      const row: unknown = reader.prepare('SELECT count(*) AS n FROM events').get();
      return typeof row === 'object' && row !== null && 'n' in row && typeof row.n === 'number' ? row.n : -1;
    } finally {
      reader.close();
    }
  };

  it('given appends grouped with one refused and one failing part-way (a repeated event id), when they settle, then the global chain links every stored event in order and the head names the last', async () => {
    rightOf(await store.appendToStream('Device-1', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })());
    const repeated = newEvent('Registered');

    await Promise.all([
      store.appendToStream('Device-2', [newEvent('Registered'), newEvent('Renamed')], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-1', [newEvent('Renamed')], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-3', [repeated], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-4', [newEvent('Registered'), repeated], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-5', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
    ]);

    const log = rightOf(await store.readAll()());
    expect(log.map((event) => event.streamName)).toEqual(['Device-1', 'Device-2', 'Device-2', 'Device-3', 'Device-5']);
    let previous: string | undefined;
    for (const event of log) {
      expect(event.logLink).toEqual({ hash: hashLogEntry(event, previous), ...(previous === undefined ? {} : { previousHash: previous }) });
      previous = event.logLink?.hash;
    }
    const head = rightOf(readSqliteLogHead(store.database));
    expect(head).toEqual({ position: log.at(-1)?.position, hash: previous });
  });

  it('given appends in flight together, one with a wrong expected revision, when they settle, then only that one fails and the others are committed in request order', async () => {
    rightOf(await store.appendToStream('Device-1', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })());

    const [first, stale, third] = await Promise.all([
      store.appendToStream('Device-2', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-1', [newEvent('Renamed')], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-3', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
    ]);

    expect(leftOf(stale).kind).toBe('WrongExpectedRevision');
    expect(rightOf(third).position.commit).toBe(rightOf(first).position.commit + 1n);
    expect(count(directory.file('store.sqlite'))).toBe(3);
  });

  it('given two appends to one stream in one group, when they settle, then they are judged as if one came after the other', async () => {
    const [first, second, racing] = await Promise.all([
      store.appendToStream('Device-1', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-1', [newEvent('Renamed')], { expectedRevision: 0n })(),
      store.appendToStream('Device-1', [newEvent('Renamed')], { expectedRevision: 0n })(),
    ]);

    expect(rightOf(first).nextExpectedRevision).toBe(0n);
    expect(rightOf(second).nextExpectedRevision).toBe(1n);
    expect(leftOf(racing).kind).toBe('WrongExpectedRevision');
  });

  it('given an append in a group that the database refuses (an event id already stored), when they settle, then it fails alone and nothing of it is written', async () => {
    const event = newEvent('Registered');
    rightOf(await store.appendToStream('Device-1', [event], { expectedRevision: 'NO_STREAM' })());

    const [duplicate, other] = await Promise.all([
      store.appendToStream('Device-2', [newEvent('Registered'), event], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-3', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
    ]);

    expect(E.isLeft(duplicate)).toBe(true);
    expect(rightOf(other).nextExpectedRevision).toBe(0n);
    expect(rightOf(await store.readStream('Device-2')())).toEqual([]);
    expect(count(directory.file('store.sqlite'))).toBe(2);
  });

  it('given appends requested but not yet committed, when they are pending, then no other connection sees them; once settled, all do', async () => {
    const pending = Promise.all([
      store.appendToStream('Device-1', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
      store.appendToStream('Device-2', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })(),
    ]);
    const seenBefore = count(directory.file('store.sqlite'));

    await pending;

    expect(seenBefore).toBe(0);
    expect(count(directory.file('store.sqlite'))).toBe(2);
  });

  it('given appends requested just before the store is closed, when it closes, then they are committed, not dropped', async () => {
    const pending = store.appendToStream('Device-1', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })();
    await store.close();

    expect(rightOf(await pending).nextExpectedRevision).toBe(0n);
    expect(count(directory.file('store.sqlite'))).toBe(1);
  });

  it('given group commit turned off, when appends are in flight together, then each commits at once on its own', async () => {
    const separate = rightOf(openSqliteEventStore({ path: directory.file('separate.sqlite'), groupCommit: false }));
    try {
      const pending = separate.appendToStream('Device-1', [newEvent('Registered')], { expectedRevision: 'NO_STREAM' })();
      const seenAtOnce = count(directory.file('separate.sqlite'));
      await pending;
      expect(seenAtOnce).toBe(1);
    } finally {
      await separate.close();
    }
  });
});
