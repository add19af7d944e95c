import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import * as E from 'fp-ts/Either';
import Database from 'better-sqlite3';
import { closeQuietly, connect } from './connection';
import { errorCodeOf, storeErrorFrom } from './errors';
import type { OpenError } from './open-error';
import { inspectReadableSchema } from './schema/migrate';

/**
 * Opening a store to read it, for whoever may not or cannot write it: an auditor with read
 * permission only, a read-only directory or mount, a full disk. The store file is never
 * changed: no migration, no journal-mode switch, and SQLite refuses every write on the
 * connection. Nor is a file created or removed next to it, but for one case below.
 *
 * SQLite reads a WAL-mode file through two companions: `-wal`, the commits not yet copied
 * into the file, and `-shm`, an index of them shared by the connections. A reader that finds
 * them missing creates them, owned by the reader and left behind when it closes, where the
 * store's owner may not be able to write them. So:
 * - no `-wal`: nobody has the store open and every commit is in the file. It is read into
 *   memory and opened from there (a snapshot), and no companion is ever created;
 * - a `-wal`: the store is open somewhere (or a writer crashed). This connection joins the
 *   others through the existing companions and sees their commits as they come (SQLite
 *   creates the `-shm` if only it is missing: the one case). If SQLite cannot use them
 *   (read-only directory or file system, full disk) and the `-wal` is empty, the snapshot is
 *   taken instead; if it may hold commits, the open is refused with what to do.
 */
export const openReadOnlyConnection = (path: string, busyTimeoutMs: number): E.Either<OpenError, Database.Database> => {
  if (path === '' || path === ':memory:') {
    return E.left({ kind: 'Failure', message: 'a new in-memory database is empty: there is nothing to open read-only' });
  }
  if (isMissing(path)) return E.left({ kind: 'NoSuchStore', path });
  const connected = walSizeOf(path) === undefined ? readSnapshot(path) : joinOpenStore(path, busyTimeoutMs);
  if (E.isLeft(connected)) return connected;
  const inspected = inspectReadableSchema(connected.right, path);
  if (E.isLeft(inspected)) {
    closeQuietly(connected.right);
    return inspected;
  }
  return connected;
};

/** Only a path that is not there: one the reader may not see is left to fail with its reason. */
const isMissing = (path: string): boolean => {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return errorCodeOf(error) === 'ENOENT';
  }
};

/** Size of the store's -wal file; undefined when there is none (or it cannot be seen). */
const walSizeOf = (path: string): number | undefined => {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return undefined;
  }
};

const joinOpenStore = (path: string, busyTimeoutMs: number): E.Either<OpenError, Database.Database> => {
  const joined = openLive(path, busyTimeoutMs);
  if (E.isRight(joined)) return joined;
  const refusal = storeErrorFrom(joined.left, `opening ${path} read-only`);
  if (!companionsUnusable(joined.left)) return E.left(refusal);
  if ((walSizeOf(path) ?? 0) === 0) return readSnapshot(path);
  const name = basename(path);
  return E.left({
    kind: 'Failure',
    message: `${refusal.message}; ${name}-wal may hold commits not yet in ${name}, which SQLite reads only through a ${name}-shm it cannot create or use here: copy ${name}, ${name}-wal (and ${name}-shm if present) to a directory you can write and read the copy`,
  });
};

/** SQLite opens the -wal and -shm at the first read, not when the file is opened. */
const openLive = (path: string, busyTimeoutMs: number): E.Either<unknown, Database.Database> => {
  let connection: Database.Database | undefined;
  try {
    connection = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    connection.prepare('SELECT count(*) FROM sqlite_schema').get();
    return E.right(connection);
  } catch (error) {
    if (connection !== undefined) closeQuietly(connection);
    return E.left(error);
  }
};

/** Codes by which SQLite says it could not open, create or map the -wal or the -shm. */
const COMPANION_FAILURES = ['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_IOERR_SHMOPEN', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_SHMMAP'];

const companionsUnusable = (error: unknown): boolean => {
  const code = errorCodeOf(error);
  return code !== undefined && COMPANION_FAILURES.some((family) => code === family || code.startsWith(`${family}_`));
};

/**
 * The file's bytes, opened in memory. Only taken when no -wal holds commits, so the file is
 * the whole store. Should a writer open the store meanwhile, it writes to a new -wal, and
 * changes the file itself only when it copies commits back (a checkpoint): a file that
 * changed, or a -wal that filled, while being read means the copy may mix two moments,
 * and the reader is asked to retry (it then joins the writer instead).
 */
const readSnapshot = (path: string): E.Either<OpenError, Database.Database> => {
  try {
    const before = statSync(path, { bigint: true });
    const image = readFileSync(path);
    const after = statSync(path, { bigint: true });
    if (before.mtimeNs !== after.mtimeNs || before.size !== after.size || (walSizeOf(path) ?? 0) > 0) {
      return E.left({ kind: 'Unavailable', message: `${path} was written to while it was being read: retry` });
    }
    return connect(asRollbackJournalImage(image), `a copy in memory of ${path}`, { readonly: true });
  } catch (error) {
    return E.left(storeErrorFrom(error, `reading ${path}`));
  }
};

const WAL_FORMAT = 2;
const ROLLBACK_JOURNAL_FORMAT = 1;

/**
 * Header bytes 18 and 19 (the file format versions) are 2 in a WAL-mode file, and SQLite will
 * not open such bytes in memory, where there is no -wal to consult. This copy has nothing in
 * a -wal (that is why it was taken), so marked as a rollback-journal file it reads exactly as
 * the store does. Only the bytes in memory are changed, never the file.
 */
const asRollbackJournalImage = (image: Buffer): Buffer => {
  if (image.length >= 100 && image[18] === WAL_FORMAT && image[19] === WAL_FORMAT) image.fill(ROLLBACK_JOURNAL_FORMAT, 18, 20);
  return image;
};
