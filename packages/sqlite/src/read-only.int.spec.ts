import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RecordedEvent } from '@ssp/eventstore';
import { openSqliteDatabase } from './database';
import { openSqliteEventStore } from './sqlite-event-store';
import type { SqliteEventStore } from './sqlite-event-store';
import { leftOf, newEvent, rightOf } from './testing/fixtures';
import { forkTypeScript } from './testing/fork-typescript';
import { createTempDirectory } from './testing/temp-directory';
import type { TempDirectory } from './testing/temp-directory';
import { canMountTmpfs, mountTmpfs } from './testing/tmpfs';
import { asUnprivileged, permissionsEnforceable } from './testing/unprivileged';

// What root cannot bypass, and CI runs as root: file permissions are put in force by running
// the open as `nobody` (see testing/unprivileged.ts); read-only and full file systems need a
// tmpfs mount. Where either is impossible the tests that need it are skipped, visibly, and
// read-only.spec.ts still covers the read-only open itself.
const withPermissions = permissionsEnforceable ? it : it.skip;
const withTmpfs = canMountTmpfs() ? it : it.skip;

const STREAM = 'Clock-1';

const idsOf = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.eventId);

const writeStore = async (path: string): Promise<readonly string[]> => {
  const writer = rightOf(openSqliteEventStore({ path }));
  const events = [newEvent('Ticked'), newEvent('Ticked'), newEvent('Ticked')];
  rightOf(await writer.appendToStream(STREAM, events, { expectedRevision: 'NO_STREAM' })());
  await writer.close();
  return events.map((event) => event.eventId);
};

/** Appends `count` events in a child process, which the caller kills to leave its -wal behind. */
const startOpenWriter = async (path: string, count: number) => {
  const { child, closed } = forkTypeScript('open-writer.ts', [path, STREAM, String(count)]);
  if (child.stdout === null) throw new Error('the child has no stdout pipe');
  const acknowledged: string[] = [];
  const lines = createInterface({ input: child.stdout });
  for await (const eventId of lines) {
    acknowledged.push(eventId);
    if (acknowledged.length === count) break;
  }
  return {
    acknowledged,
    kill: async () => {
      child.kill('SIGKILL');
      await closed;
    },
  };
};

const readAllAndClose = async (store: SqliteEventStore): Promise<readonly RecordedEvent[]> => {
  const events = rightOf(await store.readAll()());
  await store.close();
  return events;
};

/** The directory and everything in it made read-only, as an auditor's view of a store. */
const makeReadOnly = (directory: TempDirectory): void => {
  for (const name of readdirSync(directory.path)) chmodSync(directory.file(name), 0o444);
  chmodSync(directory.path, 0o555);
};

describe('reading a store the reader may not write', () => {
  let directory: TempDirectory;
  let path: string;

  beforeEach(() => {
    directory = createTempDirectory();
    path = directory.file('store.sqlite');
  });

  afterEach(() => {
    chmodSync(directory.path, 0o755);
    directory.remove();
  });

  it('given a store file 0444 in a directory 0555, when a reader without write permission opens it read-only, then every event reads and nothing changes', async () => {
    const written = await writeStore(path);
    makeReadOnly(directory);
    const bytes = readFileSync(path);
    const mtimeNs = statSync(path, { bigint: true }).mtimeNs;

    const { result: opened } = asUnprivileged(() => openSqliteEventStore({ path, readOnly: true }));

    expect(idsOf(await readAllAndClose(rightOf(opened)))).toEqual(written);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(mtimeNs);
    expect(readdirSync(directory.path)).toEqual(['store.sqlite']);
  });

  withPermissions('given a store file 0444 in a directory 0555, when a reader without write permission opens it read-write, then it fails, as audits used to', async () => {
    await writeStore(path);
    makeReadOnly(directory);

    const { result: opened } = asUnprivileged(() => openSqliteDatabase({ path }));

    expect(leftOf(opened)).toEqual({ kind: 'Failure', message: expect.stringContaining('the store cannot be written here') });
  });

  withPermissions('given a store in a directory the reader may not enter, when opened read-only, then a Failure names the permission, not a missing store', async () => {
    await writeStore(path);
    chmodSync(directory.path, 0o700);

    const { result: opened } = asUnprivileged(() => openSqliteEventStore({ path, readOnly: true }));

    expect(leftOf(opened)).toEqual({ kind: 'Failure', message: expect.stringContaining('EACCES') });
  });

  withPermissions(
    'given a read-only directory where a killed writer left its -wal and -shm, when a reader without write permission opens it read-only, then the commits in the -wal read too',
    async () => {
      const writer = await startOpenWriter(path, 5);
      await writer.kill();
      makeReadOnly(directory);

      const { result: opened } = asUnprivileged(() => openSqliteEventStore({ path, readOnly: true }));

      expect(idsOf(await readAllAndClose(rightOf(opened)))).toEqual(writer.acknowledged);
    },
    60_000,
  );

  withPermissions(
    'given a read-only directory holding a -wal with commits but no -shm, when opened read-only, then it is refused with what to do, and a copy in a writable directory reads in full',
    async () => {
      const writer = await startOpenWriter(path, 5);
      await writer.kill();
      rmSync(`${path}-shm`);
      makeReadOnly(directory);

      const { result: refused } = asUnprivileged(() => openSqliteEventStore({ path, readOnly: true }));
      const copies = createTempDirectory();
      const copy = copies.file('copy.sqlite');
      copyFileSync(path, copy);
      copyFileSync(`${path}-wal`, `${copy}-wal`);
      const fromCopy = await readAllAndClose(rightOf(openSqliteEventStore({ path: copy, readOnly: true })));
      copies.remove();

      expect(leftOf(refused)).toEqual({ kind: 'Failure', message: expect.stringContaining('store.sqlite-wal may hold commits') });
      expect(leftOf(refused)).toEqual({ kind: 'Failure', message: expect.stringContaining('to a directory you can write and read the copy') });
      expect(idsOf(fromCopy)).toEqual(writer.acknowledged);
    },
    60_000,
  );
});

describe('reading a store on a read-only file system', () => {
  withTmpfs('given a store on a file system remounted read-only, when it is opened read-only, then every event reads, where a read-write open fails', async () => {
    const tmpfs = mountTmpfs(1024 * 1024);
    if (tmpfs === undefined) throw new Error('the tmpfs could be mounted a moment ago');
    try {
      const path = tmpfs.file('store.sqlite');
      const written = await writeStore(path);
      tmpfs.remountReadOnly();

      const readOnly = openSqliteEventStore({ path, readOnly: true });
      const readWrite = openSqliteDatabase({ path });

      expect(idsOf(await readAllAndClose(rightOf(readOnly)))).toEqual(written);
      expect(leftOf(readWrite)).toMatchObject({ kind: 'Failure', message: expect.stringContaining('SQLITE_CANTOPEN') });
    } finally {
      tmpfs.unmount();
    }
  });
});
