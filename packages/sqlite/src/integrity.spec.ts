import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { openSqliteDatabase, type SqliteDatabase } from './database';
import { checkSqliteIntegrity } from './integrity';
import { openSqliteEventStore } from './sqlite-event-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { createTempDirectory, type TempDirectory } from './testing/temp-directory';

type Page = Readonly<{ pageno: number; pagetype: string }>;

/** A store file with events, a read model of several pages and a checkpoint, closed. */
const writeStore = async (path: string): Promise<void> => {
  const store = rightOf(openSqliteEventStore({ path }));
  rightOf(await store.appendToStream('UserDevices-1', [newEvent('DeviceEnrolled'), newEvent('DeviceRenamed')], { expectedRevision: 'NO_STREAM' })());
  await store.close();
  const database = rightOf(openSqliteDatabase({ path }));
  const insert = database.connection.prepare('INSERT INTO read_model_documents (projection, id, document) VALUES (?, ?, ?)');
  for (let i = 0; i < 300; i += 1) insert.run('devices', `device-${i}`, JSON.stringify({ name: `Device number ${i}`, padding: 'x'.repeat(40) }));
  database.connection.prepare("INSERT INTO read_model_checkpoints (projection, position) VALUES ('devices', '2/2')").run();
  database.close();
};

/** Where the pages of `table` lie in the file (SQLite's dbstat table), and how big a page is. */
const pagesOf = (path: string, table: string): Readonly<{ pages: readonly Page[]; pageSize: number }> => {
  const database = rightOf(openSqliteDatabase({ path, readOnly: true }));
  try {
    const pages = database.connection.prepare<[string], Page>('SELECT pageno, pagetype FROM dbstat WHERE name = ? ORDER BY pageno').all(table);
    const pageSize = Number(database.connection.pragma('page_size', { simple: true }));
    return { pages, pageSize };
  } finally {
    database.close();
  }
};

/** Garbage over `length` bytes at `offset` into page `pageno` (numbered from 1), as a failing disk might leave. */
const overwrite = (path: string, pageSize: number, pageno: number, offset: number, length: number): void => {
  const file = openSync(path, 'r+');
  try {
    writeSync(file, Buffer.alloc(length, 0xa5), 0, length, (pageno - 1) * pageSize + offset);
  } finally {
    closeSync(file);
  }
};

const checkReadOnly = (path: string): readonly string[] => {
  const database = rightOf(openSqliteDatabase({ path, readOnly: true }));
  try {
    return rightOf(checkSqliteIntegrity(database));
  } finally {
    database.close();
  }
};

describe('checkSqliteIntegrity: SQLite’s own check of the store file', () => {
  let directory: TempDirectory;
  let path: string;

  beforeEach(async () => {
    directory = createTempDirectory();
    path = directory.file('store.sqlite');
    await writeStore(path);
  });

  afterEach(() => directory.remove());

  it('given a sound file, when checked on a read-only connection, then no problems, and the file is unchanged', () => {
    const before = readFileSync(path);
    expect(checkReadOnly(path)).toEqual([]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('given a read-model page overwritten in its middle, then problems are reported', () => {
    const { pages, pageSize } = pagesOf(path, 'read_model_documents');
    const leaf = pages.find((page) => page.pagetype === 'leaf');
    if (leaf === undefined) throw new Error('the read model should span several pages');
    overwrite(path, pageSize, leaf.pageno, pageSize / 2, 64);
    // What SQLite finds depends on where the garbage falls (a cell, a pointer, free space);
    // a whole row's worth of it in a full page is always found.
    expect(checkReadOnly(path)).toEqual(expect.arrayContaining([expect.stringMatching(/\S/)]));
  });

  it('given the checkpoints page with a garbled header, then the page is reported unreadable', () => {
    const { pages, pageSize } = pagesOf(path, 'read_model_checkpoints');
    const [root] = pages;
    if (root === undefined) throw new Error('no checkpoints page');
    overwrite(path, pageSize, root.pageno, 0, 8);
    expect(checkReadOnly(path)).toEqual([expect.stringContaining(`page ${root.pageno}`)]);
  });

  it('given a store another connection has open (a -wal beside it), when checked read-only through it, then no problems', async () => {
    const writer = rightOf(openSqliteEventStore({ path }));
    rightOf(await writer.appendToStream('UserDevices-2', [newEvent('DeviceEnrolled')], { expectedRevision: 'NO_STREAM' })());
    try {
      expect(checkReadOnly(path)).toEqual([]);
    } finally {
      await writer.close();
    }
  });

  it('given a connection that is closed, then the check could not run: a Failure, not a verdict on the file', () => {
    const database: SqliteDatabase = rightOf(openSqliteDatabase({ path, readOnly: true }));
    database.close();
    expect(leftOf(checkSqliteIntegrity(database))).toEqual(expect.objectContaining({ kind: 'Failure', message: expect.stringContaining('checking the integrity of') }));
  });
});
