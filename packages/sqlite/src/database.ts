import * as E from 'fp-ts/Either';
import type Database from 'better-sqlite3';
import { closeQuietly, connect } from './connection';
import { storeErrorFrom } from './errors';
import type { OpenError } from './open-error';
import { openReadOnlyConnection } from './read-only';
import { inspectSchema, migrateSchema } from './schema/migrate';
import type { MigrationOutcome } from './schema/migrate';

/**
 * One connection to a store file, migrated to the current schema (or, read-only, as found).
 * The event store and the read-model store can share it, so that one file (even `:memory:`)
 * holds both.
 */
export type SqliteDatabase = Readonly<{
  path: string;
  connection: Database.Database;
  /** Opened with `readOnly: true`: stores on it refuse every write. */
  readOnly: boolean;
  close(): void;
}>;

export type OpenSqliteDatabaseOptions = Readonly<{
  /** File path, or `:memory:` for a private in-memory database (tests, demos). */
  path: string;
  /**
   * How long a writer waits for another connection's write lock before giving up with
   * `Unavailable`. Two processes appending to the same file queue up instead of failing.
   */
  busyTimeoutMs?: number;
  /**
   * `FULL` (the default) fsyncs the WAL on every commit: an append that was acknowledged
   * survives a power cut, not only a process crash. `NORMAL` survives process crashes but may
   * lose the last commits on power loss; use it only where that is acceptable (benchmarks).
   */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Open to read only, for those who may not or cannot write the file (auditors, read-only
   * mounts, a full disk): the file must exist, is never migrated, written nor switched to WAL,
   * and must be at a schema version this build reads as it is (1 up to the latest). Appends
   * are refused with a `Failure`. See `read-only.ts` for how the -wal and -shm are handled.
   */
  readOnly?: boolean;
}>;

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

const busyTimeoutOf = (options: OpenSqliteDatabaseOptions): number => options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;

const applyPragmas = (connection: Database.Database, options: OpenSqliteDatabaseOptions): void => {
  // WAL lets readers (projections, other processes polling for new events) run while one
  // writer appends, and a commit is one sequential write to the log. The mode is stored in
  // the file, so every later connection, from any process, uses it too.
  connection.pragma('journal_mode = WAL');
  connection.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  // After a checkpoint, shrink a WAL that a burst of appends grew past 64 MiB.
  connection.pragma('journal_size_limit = 67108864');
  // Nothing here relies on foreign keys, but enforcing them costs nothing and avoids surprises
  // if a later migration adds one.
  connection.pragma('foreign_keys = ON');
};

/** Checks the file is one we may open, then sets the connection up and migrates it. */
const prepareConnection = (
  connection: Database.Database,
  options: OpenSqliteDatabaseOptions,
): E.Either<OpenError, MigrationOutcome> => {
  try {
    connection.pragma(`busy_timeout = ${busyTimeoutOf(options)}`);
    // Refuse before switching the journal mode: a file we will not open stays untouched.
    const inspected = inspectSchema(connection, options.path);
    if (E.isLeft(inspected)) return inspected;
    applyPragmas(connection, options);
    return migrateSchema(connection, options.path);
  } catch (error) {
    return E.left(storeErrorFrom(error, `preparing ${options.path}`));
  }
};

const openReadWrite = (options: OpenSqliteDatabaseOptions): E.Either<OpenError, Database.Database> => {
  const connected = connect(options.path, options.path);
  if (E.isLeft(connected)) return connected;
  const connection = connected.right;
  const prepared = prepareConnection(connection, options);
  if (E.isLeft(prepared)) {
    closeQuietly(connection);
    return prepared;
  }
  return connected;
};

/**
 * Opens (creating if needed) and migrates a store file, or with `readOnly` opens an existing
 * one as it is. A file written by a newer schema, or by another application, is refused
 * without being modified.
 */
export const openSqliteDatabase = (options: OpenSqliteDatabaseOptions): E.Either<OpenError, SqliteDatabase> => {
  const readOnly = options.readOnly === true;
  const opened = readOnly ? openReadOnlyConnection(options.path, busyTimeoutOf(options)) : openReadWrite(options);
  return E.map((connection: Database.Database): SqliteDatabase => ({
    path: options.path,
    connection,
    readOnly,
    close: () => connection.close(),
  }))(opened);
};

/** Where a store gets its connection: a path it opens (and closes), or a shared database. */
export type SqliteLocation = OpenSqliteDatabaseOptions | Readonly<{ database: SqliteDatabase }>;

export type BorrowedOrOwned = Readonly<{ database: SqliteDatabase; owned: boolean }>;

export const resolveLocation = (location: SqliteLocation): E.Either<OpenError, BorrowedOrOwned> =>
  'database' in location
    ? E.right({ database: location.database, owned: false })
    : E.map((database: SqliteDatabase) => ({ database, owned: true }))(openSqliteDatabase(location));
