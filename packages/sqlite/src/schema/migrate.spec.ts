import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { openSqliteDatabase } from '../database';
import { describeOpenError } from '../open-error';
import { openSqliteEventStore } from '../sqlite-event-store';
import { openSqliteReadModelStore } from '../sqlite-read-model-store';
import { leftOf, rightOf } from '../testing/fixtures';
import { createTempDirectory } from '../testing/temp-directory';
import type { TempDirectory } from '../testing/temp-directory';
import { migrateSchema } from './migrate';
import { LATEST_SCHEMA_VERSION, SSP_APPLICATION_ID } from './migrations';

const headerOf = (path: string) => {
  const connection = new Database(path, { readonly: true });
  try {
    return {
      version: connection.pragma('user_version', { simple: true }),
      applicationId: connection.pragma('application_id', { simple: true }),
    };
  } finally {
    connection.close();
  }
};

describe('schema versions', () => {
  let directory: TempDirectory;
  let path: string;

  beforeEach(() => {
    directory = createTempDirectory();
    path = directory.file('store.sqlite');
  });

  afterEach(() => directory.remove());

  it('given no file, when opening, then it is created at the latest version and marked as ours', () => {
    rightOf(openSqliteDatabase({ path })).close();
    expect(headerOf(path)).toEqual({ version: LATEST_SCHEMA_VERSION, applicationId: SSP_APPLICATION_ID });
  });

  it('given a file at the latest version, when migrating again, then nothing is run', () => {
    rightOf(openSqliteDatabase({ path })).close();
    const connection = new Database(path);
    try {
      expect(rightOf(migrateSchema(connection, path))).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    } finally {
      connection.close();
    }
  });

  it('given a file written at version 1 with events in it, when opening, then it is migrated and keeps its events', async () => {
    const eventId = randomUUID();
    const v1 = new Database(path);
    rightOf(migrateSchema(v1, path, 1));
    // Written as a version-1 build would: the read-model tables do not exist yet.
    v1.prepare(
      `INSERT INTO events (event_id, stream_name, stream_category, stream_revision, event_type, data, metadata)
       VALUES (?, 'Device-1', 'Device', 0, 'DeviceRegistered', '{"name":"phone"}', '{}')`,
    ).run(eventId);
    v1.close();
    expect(headerOf(path).version).toBe(1);

    const database = rightOf(openSqliteDatabase({ path }));
    const events = rightOf(openSqliteEventStore({ database }));
    const readModels = rightOf(openSqliteReadModelStore({ database }));
    const stored = rightOf(await events.readStream('Device-1')());
    const [registered] = stored;
    if (registered === undefined) throw new Error('the version-1 event is gone');
    rightOf(await readModels.commit('devices', { upserts: [['1', { name: 'phone' }]], deletes: [] }, registered.position)());
    const document = rightOf(await readModels.get('devices', '1')());
    await events.close();
    database.close();

    expect(stored.map((event) => [event.eventId, event.revision, event.data])).toEqual([[eventId, 0n, { name: 'phone' }]]);
    expect(document).toEqual({ name: 'phone' });
    expect(headerOf(path).version).toBe(LATEST_SCHEMA_VERSION);
  });

  it('given a file written by a newer schema, when opening, then it is refused with a clear error and left untouched', () => {
    rightOf(openSqliteDatabase({ path })).close();
    const newer = new Database(path);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();

    const error = leftOf(openSqliteEventStore({ path }));
    expect(error).toEqual({ kind: 'SchemaTooNew', path, found: LATEST_SCHEMA_VERSION + 1, supported: LATEST_SCHEMA_VERSION });
    expect(describeOpenError(error)).toContain(`schema version ${LATEST_SCHEMA_VERSION + 1}`);
    expect(headerOf(path).version).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('given another application database, when opening, then it is refused and left untouched', () => {
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    foreign.close();

    expect(leftOf(openSqliteDatabase({ path }))).toEqual({ kind: 'NotAStoreFile', path, applicationId: 0 });
    expect(headerOf(path)).toEqual({ version: 0, applicationId: 0 });
  });

  it('given a file stamped with a foreign application id, when opening, then it is refused', () => {
    const foreign = new Database(path);
    foreign.pragma('application_id = 42');
    foreign.close();
    expect(leftOf(openSqliteDatabase({ path }))).toMatchObject({ kind: 'NotAStoreFile', applicationId: 42 });
  });
});
