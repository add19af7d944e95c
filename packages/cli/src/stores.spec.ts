import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { LATEST_SCHEMA_VERSION, openSqliteDatabase } from '@ssp/sqlite';
import { openStore, openStoreForReading } from './stores';

const event = { eventId: '7d6f3a52-6b58-4d0c-9a43-0b9b1d7c2c11', type: 'Ticked', data: {}, metadata: {} };

describe('opening the store a --store option names', () => {
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'ssp-stores-'));
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('given a SQLite file in a directory that does not exist, when opened for a command that appends, then both are created and the file is migrated to the latest schema', async () => {
    const path = join(base, 'new', 'store.sqlite');
    const store = await openStore(`sqlite:${path}`);
    await store.close();

    const database = openSqliteDatabase({ path, readOnly: true });
    if (E.isLeft(database)) throw new Error(`the store cannot be read: ${database.left.kind}`);
    const version: unknown = database.right.connection.pragma('user_version', { simple: true });
    database.right.close();
    expect(version).toBe(LATEST_SCHEMA_VERSION);
  });

  it('given a SQLite path with no file, when opened for reading, then it is refused with a message naming the path, and nothing is created', async () => {
    const path = join(base, 'missing', 'store.sqlite');
    await expect(openStoreForReading(`sqlite:${path}`)).rejects.toThrow(`cannot open ${path} to read it: there is no store at ${path}`);
    expect(existsSync(join(base, 'missing'))).toBe(false);
  });

  it('given a SQLite store with events, when opened for reading, then its events read and an append is refused as read-only', async () => {
    const path = join(base, 'store.sqlite');
    const writer = await openStore(`sqlite:${path}`);
    await writer.appendToStream('Clock-1', [event], { expectedRevision: 'NO_STREAM' })();
    await writer.close();

    const reader = await openStoreForReading(`sqlite:${path}`);
    const read = await reader.readAll()();
    const append = await reader.appendToStream('Clock-1', [{ ...event, eventId: 'a3f1c1d4-2b7e-4f5a-8c9d-0e1f2a3b4c5d' }], { expectedRevision: 0n })();
    await reader.close();

    expect(E.isRight(read) && read.right.map((recorded) => recorded.eventId)).toEqual([event.eventId]);
    expect(E.isLeft(append) && append.left).toEqual({ kind: 'Failure', message: expect.stringContaining('is open read-only') });
  });
});
