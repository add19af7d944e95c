import { openSqliteDatabase } from './database';
import { openSqliteEventStore } from './sqlite-event-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory } from './testing/temp-directory';
import { canMountTmpfs, mountTmpfs } from './testing/tmpfs';

// A real full disk needs a small tmpfs, which needs root with CAP_SYS_ADMIN: skipped, visibly,
// where mounting is not allowed. SQLite's max_page_count gives the same SQLITE_FULL anywhere.
const withTmpfs = canMountTmpfs() ? it : it.skip;

const DISK_FULL = 'the disk is full';
const bigEvent = () => newEvent('Ticked', { padding: 'x'.repeat(64 * 1024) });

describe('a full disk', () => {
  it('given a database at its page limit (max_page_count), when appending, then a Failure tells the operator the disk is full and nothing is written', async () => {
    const directory = createTempDirectory();
    const database = rightOf(openSqliteDatabase({ path: directory.file('store.sqlite') }));
    const store = rightOf(openSqliteEventStore({ database }));
    const pages = Number(database.connection.pragma('page_count', { simple: true }));
    database.connection.pragma(`max_page_count = ${pages}`);

    const refused = leftOf(await store.appendToStream('Clock-1', [bigEvent()], { expectedRevision: 'NO_STREAM' })());
    const stored = rightOf(await store.readAll()());
    database.close();
    directory.remove();

    expect(refused).toEqual({ kind: 'Failure', message: expect.stringContaining(`${DISK_FULL} (or the file reached its size limit): free space, then retry; SQLITE_FULL: `) });
    expect(stored).toEqual([]);
  });

  withTmpfs('given a store on a file system that fills up, when appending, then a Failure tells the operator the disk is full', async () => {
    const tmpfs = mountTmpfs(256 * 1024);
    if (tmpfs === undefined) throw new Error('the tmpfs could be mounted a moment ago');
    try {
      const store = rightOf(openSqliteEventStore({ path: tmpfs.file('store.sqlite') }));
      tmpfs.fillUp();
      const refused = leftOf(await store.appendToStream('Clock-1', [bigEvent()], { expectedRevision: 'NO_STREAM' })());
      await store.close();

      expect(refused).toEqual({ kind: 'Failure', message: expect.stringContaining(`${DISK_FULL} (or the file reached its size limit): free space, then retry; SQLITE_FULL: `) });
    } finally {
      tmpfs.unmount();
    }
  });

  withTmpfs('given a store on a full file system, when it is opened read-write, then a Failure asks for space, and opened read-only it reads', async () => {
    const tmpfs = mountTmpfs(256 * 1024);
    if (tmpfs === undefined) throw new Error('the tmpfs could be mounted a moment ago');
    try {
      const path = tmpfs.file('store.sqlite');
      const writer = rightOf(openSqliteEventStore({ path }));
      const event = newEvent('Ticked');
      rightOf(await writer.appendToStream('Clock-1', [event], { expectedRevision: 'NO_STREAM' })());
      await writer.close();
      tmpfs.fillUp();

      const readWrite = openSqliteDatabase({ path });
      const reader = rightOf(openSqliteEventStore({ path, readOnly: true }));
      const read = rightOf(await reader.readAll()());
      await reader.close();

      expect(leftOf(readWrite)).toEqual({ kind: 'Failure', message: expect.stringContaining(DISK_FULL) });
      expect(read.map((recorded) => recorded.eventId)).toEqual([event.eventId]);
    } finally {
      tmpfs.unmount();
    }
  });
});
