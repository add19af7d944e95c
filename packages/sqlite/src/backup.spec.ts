import Database from 'better-sqlite3';
import { positionOf } from '@ssp/eventstore';
import { backupSqliteStore } from './backup';
import { openSqliteDatabase } from './database';
import { openSqliteEventStore } from './sqlite-event-store';
import { openSqliteReadModelStore } from './sqlite-read-model-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';

describe('online backup', () => {
  it('given a store in use, when backed up, then the copy opens on its own with the same events and read models', async () => {
    const directory = createTempDirectory();
    const path = directory.file('live.sqlite');
    const destination = directory.file('backup.sqlite');
    const database = rightOf(openSqliteDatabase({ path }));
    const events = rightOf(openSqliteEventStore({ database }));
    const readModels = rightOf(openSqliteReadModelStore({ database }));
    for (let index = 0; index < 20; index += 1) {
      rightOf(await events.appendToStream(`Device-${index % 3}`, [newEvent('Tick', { index })], { expectedRevision: 'ANY' })());
    }
    rightOf(await readModels.commit('ticks', { upserts: [['count', { value: 20 }]], deletes: [] }, positionOf(20n))());

    const result = rightOf(await backupSqliteStore(path, destination)());
    const original = rightOf(await events.readAll()());
    await events.close();
    database.close();

    const restoredIntegrity = new Database(destination, { readonly: true });
    expect(restoredIntegrity.pragma('integrity_check', { simple: true })).toBe('ok');
    restoredIntegrity.close();
    const restoredDatabase = rightOf(openSqliteDatabase({ path: destination }));
    const restoredEvents = rightOf(openSqliteEventStore({ database: restoredDatabase }));
    const restoredReadModels = rightOf(openSqliteReadModelStore({ database: restoredDatabase }));
    expect(rightOf(await restoredEvents.readAll()())).toEqual(original);
    expect(rightOf(await restoredReadModels.get('ticks', 'count')())).toEqual({ value: 20 });
    expect(rightOf(await restoredReadModels.checkpoint('ticks')())).toEqual(positionOf(20n));
    expect(result.totalPages).toBeGreaterThan(0);
    await restoredEvents.close();
    restoredDatabase.close();
    directory.remove();
  });

  it('given no file at the source path, when backing up, then the error is a value', async () => {
    const directory = createTempDirectory();
    const source = directory.file('missing.sqlite');
    const error = leftOf(await backupSqliteStore(source, directory.file('copy.sqlite'))());
    // A wrong path does not fix itself: a Failure, not a transient Unavailable.
    expect(error).toMatchObject({ kind: 'Failure', message: expect.stringContaining(source) });
    directory.remove();
  });
});
