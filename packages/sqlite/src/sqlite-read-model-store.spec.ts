import { positionOf } from '@ssp/eventstore';
import { openSqliteDatabase } from './database';
import { openSqliteEventStore } from './sqlite-event-store';
import { openSqliteReadModelStore } from './sqlite-read-model-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';
import type { TempDirectory } from './testing/temp-directory';

describe('SQLite read-model store', () => {
  let directory: TempDirectory;

  beforeEach(() => {
    directory = createTempDirectory();
  });

  afterEach(() => directory.remove());

  it('given one in-memory database, when the event store and the read-model store share it, then both work on the same data', async () => {
    const database = rightOf(openSqliteDatabase({ path: ':memory:' }));
    const events = rightOf(openSqliteEventStore({ database }));
    const readModels = rightOf(openSqliteReadModelStore({ database }));

    const appended = rightOf(await events.appendToStream('Device-1', [newEvent('DeviceRegistered')], { expectedRevision: 'NO_STREAM' })());
    rightOf(await readModels.commit('devices', { upserts: [['1', { registered: true }]], deletes: [] }, appended.position)());

    expect(rightOf(await readModels.checkpoint('devices')())).toEqual(appended.position);
    expect(rightOf(await events.readAll()())).toHaveLength(1);
    const tables = database.connection
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['events', 'read_model_checkpoints', 'read_model_documents']));
    await events.close();
    await readModels.close();
    database.close();
  });

  it('given a commit that fails half-way, when reading back, then neither its documents nor its checkpoint were written', async () => {
    const store = rightOf(openSqliteReadModelStore({ path: directory.file('store.sqlite') }));
    rightOf(await store.commit('devices', { upserts: [['kept', { n: 1 }]], deletes: [] }, positionOf(1n))());
    // Make the last statement of the next commit, the checkpoint write, fail.
    store.database.connection.exec(`
      CREATE TRIGGER refuse_checkpoint BEFORE UPDATE ON read_model_checkpoints
      BEGIN SELECT RAISE(ABORT, 'checkpoint refused'); END;
    `);

    const error = leftOf(await store.commit('devices', { upserts: [['lost', { n: 2 }]], deletes: ['kept'] }, positionOf(2n))());

    expect(error).toMatchObject({ kind: 'Failure', message: expect.stringContaining('checkpoint refused') });
    expect(rightOf(await store.list('devices')())).toEqual([['kept', { n: 1 }]]);
    expect(rightOf(await store.checkpoint('devices')())).toEqual(positionOf(1n));
    await store.close();
  });

  it('given committed read models, when the file is reopened, then documents and checkpoint are still there', async () => {
    const path = directory.file('store.sqlite');
    const first = rightOf(openSqliteReadModelStore({ path }));
    rightOf(await first.commit('users', { upserts: [['u-1', { devices: 2 }]], deletes: [] }, positionOf(9n))());
    await first.close();

    const reopened = rightOf(openSqliteReadModelStore({ path }));
    expect(rightOf(await reopened.get('users', 'u-1')())).toEqual({ devices: 2 });
    expect(rightOf(await reopened.checkpoint('users')())).toEqual(positionOf(9n));
    await reopened.close();
  });

  it('given a checkpoint that is not a position, when reading it, then a Failure value says so', async () => {
    const store = rightOf(openSqliteReadModelStore({ path: directory.file('store.sqlite') }));
    store.database.connection.prepare(`INSERT INTO read_model_checkpoints (projection, position) VALUES ('broken', 'nonsense')`).run();
    expect(leftOf(await store.checkpoint('broken')())).toMatchObject({ kind: 'Failure' });
    await store.close();
  });

  it('given ids beyond the Basic Multilingual Plane, when listing, then they are in JavaScript string order', async () => {
    const store = rightOf(openSqliteReadModelStore({ path: ':memory:' }));
    const ids = ['😀', '\uffff', 'a'];
    rightOf(await store.commit('p', { upserts: ids.map((id) => [id, {}] as const), deletes: [] }, positionOf(1n))());
    expect(rightOf(await store.list('p')()).map(([id]) => id)).toEqual([...ids].sort());
    await store.close();
  });
});
