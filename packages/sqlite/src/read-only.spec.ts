import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@ssp/eventstore';
import { openSqliteDatabase } from './database';
import { describeOpenError } from './open-error';
import { migrateSchema } from './schema/migrate';
import { LATEST_SCHEMA_VERSION } from './schema/migrations';
import { openSqliteEventStore } from './sqlite-event-store';
import { openSqliteReadModelStore } from './sqlite-read-model-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';
import type { TempDirectory } from './testing/temp-directory';

/** Everything a read could change: the file's bytes and times, and which files lie next to it. */
const footprintOf = (directory: TempDirectory, path: string) => ({
  bytes: readFileSync(path),
  mtimeNs: statSync(path, { bigint: true }).mtimeNs,
  files: readdirSync(directory.path).sort(),
});

const idsOf = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.eventId);

const versionOf = (path: string): unknown => {
  const connection = new Database(path, { readonly: true });
  try {
    return connection.pragma('user_version', { simple: true });
  } finally {
    connection.close();
  }
};

describe('opening a store read-only', () => {
  let directory: TempDirectory;
  let path: string;

  beforeEach(() => {
    directory = createTempDirectory();
    path = directory.file('store.sqlite');
  });

  afterEach(() => directory.remove());

  /** A store with two streams, closed again: nobody has it open. */
  const writeStore = async (): Promise<readonly RecordedEvent[]> => {
    const writer = rightOf(openSqliteEventStore({ path }));
    rightOf(await writer.appendToStream('Device-1', [newEvent('DeviceRegistered', { name: 'phone' })], { expectedRevision: 'NO_STREAM' })());
    rightOf(await writer.appendToStream('Device-2', [newEvent('DeviceRegistered'), newEvent('DeviceRenamed')], { expectedRevision: 'NO_STREAM' })());
    const written = rightOf(await writer.readAll()());
    await writer.close();
    return written;
  };

  it('given a store nobody has open, when it is opened read-only and read, then every event reads as written, and its bytes, mtime and neighbours are unchanged', async () => {
    const written = await writeStore();
    const before = footprintOf(directory, path);

    const reader = rightOf(openSqliteEventStore({ path, readOnly: true }));
    const read = rightOf(await reader.readAll()());
    const stream = rightOf(await reader.readStream('Device-2')());
    await reader.close();

    expect(read).toEqual(written);
    expect(stream.map((event) => event.revision)).toEqual([0n, 1n]);
    expect(footprintOf(directory, path)).toEqual(before);
  });

  it('given a store a writer has open, when it is opened read-only, then it sees the commits made before and after it opened', async () => {
    const writer = rightOf(openSqliteEventStore({ path }));
    const first = newEvent('DeviceRegistered');
    rightOf(await writer.appendToStream('Device-1', [first], { expectedRevision: 'NO_STREAM' })());

    const reader = rightOf(openSqliteEventStore({ path, readOnly: true }));
    const second = newEvent('DeviceRenamed');
    rightOf(await writer.appendToStream('Device-1', [second], { expectedRevision: 0n })());
    const read = rightOf(await reader.readAll()());
    await reader.close();
    await writer.close();

    expect(idsOf(read)).toEqual([first.eventId, second.eventId]);
  });

  it.each([
    ['nobody has open', false],
    ['a writer has open', true],
  ])('given a store %s, when appending through a read-only store, then a Failure says it is read-only and nothing is written', async (_, writerOpen) => {
    const written = await writeStore();
    const writer = writerOpen ? rightOf(openSqliteEventStore({ path })) : undefined;
    const reader = rightOf(openSqliteEventStore({ path, readOnly: true }));

    const refused = leftOf(await reader.appendToStream('Device-3', [newEvent('DeviceRegistered')], { expectedRevision: 'NO_STREAM' })());
    const refusedEmpty = leftOf(await reader.appendToStream('Device-1', [], { expectedRevision: 0n })());
    await reader.close();
    await writer?.close();

    expect(refused).toEqual({ kind: 'Failure', message: expect.stringContaining(`${path} is open read-only`) });
    expect(refusedEmpty.kind).toBe('Failure');
    const check = rightOf(openSqliteEventStore({ path, readOnly: true }));
    expect(rightOf(await check.readAll()())).toEqual(written);
    await check.close();
  });

  it('given a read-only database shared with a read-model store, when a read model is committed, then a Failure says the store cannot be written', async () => {
    const [event] = await writeStore();
    if (event === undefined) throw new Error('the store has no events');
    const database = rightOf(openSqliteDatabase({ path, readOnly: true }));
    const readModels = rightOf(openSqliteReadModelStore({ database }));

    const refused = leftOf(await readModels.commit('devices', { upserts: [['1', { name: 'phone' }]], deletes: [] }, event.position)());
    const checkpoint = rightOf(await readModels.checkpoint('devices')());
    database.close();

    expect(refused).toEqual({ kind: 'Failure', message: expect.stringContaining('cannot be written here (opened read-only') });
    expect(checkpoint).toBe('start');
  });

  it('given no file at the path, when it is opened read-only, then NoSuchStore comes back and no file is created', () => {
    const error = leftOf(openSqliteEventStore({ path, readOnly: true }));

    expect(error).toEqual({ kind: 'NoSuchStore', path });
    expect(describeOpenError(error)).toContain(`there is no store at ${path}`);
    expect(readdirSync(directory.path)).toEqual([]);
  });

  it('given an in-memory path, when it is opened read-only, then it is refused as a value', () => {
    expect(leftOf(openSqliteDatabase({ path: ':memory:', readOnly: true }))).toMatchObject({ kind: 'Failure' });
  });

  it('given an empty file, when it is opened read-only, then it is refused as holding no store and stays empty', () => {
    writeFileSync(path, '');
    const error = leftOf(openSqliteDatabase({ path, readOnly: true }));

    expect(error).toEqual({ kind: 'SchemaTooOld', path, found: 0, oldestReadable: 1 });
    expect(describeOpenError(error)).toContain('holds no store yet');
    expect(statSync(path).size).toBe(0);
  });

  it('given a file at schema version 1, when it is opened read-only, then its events read and it stays at version 1', async () => {
    const v1 = new Database(path);
    rightOf(migrateSchema(v1, path, 1));
    v1.prepare(
      `INSERT INTO events (event_id, stream_name, stream_category, stream_revision, event_type, data, metadata)
       VALUES ('e1', 'Device-1', 'Device', 0, 'DeviceRegistered', '{"name":"phone"}', '{}')`,
    ).run();
    v1.close();

    const reader = rightOf(openSqliteEventStore({ path, readOnly: true }));
    const read = rightOf(await reader.readStream('Device-1')());
    await reader.close();

    expect(read.map((event) => [event.eventId, event.data])).toEqual([['e1', { name: 'phone' }]]);
    expect(versionOf(path)).toBe(1);
  });

  it('given a file written by a newer schema, when it is opened read-only, then SchemaTooNew comes back and the file is untouched', async () => {
    await writeStore();
    const newer = new Database(path);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const before = footprintOf(directory, path);

    expect(leftOf(openSqliteEventStore({ path, readOnly: true }))).toEqual({
      kind: 'SchemaTooNew',
      path,
      found: LATEST_SCHEMA_VERSION + 1,
      supported: LATEST_SCHEMA_VERSION,
    });
    expect(footprintOf(directory, path)).toEqual(before);
  });

  it("given another application's database, when it is opened read-only, then NotAStoreFile comes back", () => {
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    foreign.close();

    expect(leftOf(openSqliteDatabase({ path, readOnly: true }))).toEqual({ kind: 'NotAStoreFile', path, applicationId: 0 });
  });
});
