import type { StoreError } from '@ssp/eventstore';

/**
 * better-sqlite3 reports failures by throwing `SqliteError`s carrying SQLite's extended result
 * code (and Node's file system errors carry theirs, such as `ENOENT`, the same way). The store
 * turns them into `StoreError` values at its boundary so that nothing is ever thrown through a
 * TaskEither.
 */
export const errorCodeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Every SQLite error becomes one of these two: the other kinds are decided by the store. */
export type SqliteStoreError = Extract<StoreError, Readonly<{ kind: 'Unavailable' | 'Failure' }>>;

type Classification = Readonly<{
  kind: SqliteStoreError['kind'];
  /** What the operator should do, put before SQLite's own terse message. */
  advice?: string;
}>;

const DISK_FULL = 'the disk is full (or the file reached its size limit): free space, then retry';

/**
 * `Unavailable` means "the same call may succeed if retried in a moment, with nobody doing
 * anything": callers (and subscriptions) retry it. Everything else is a `Failure`: retrying
 * cannot help until someone acts, so the message says what to do. The first matching entry
 * wins (a code matches its own name and its extended codes, `SQLITE_IOERR` matches
 * `SQLITE_IOERR_WRITE`), so specific codes come before their family.
 */
const CLASSIFICATIONS: ReadonlyArray<readonly [string, Classification]> = [
  // Another connection holds a lock past busy_timeout, or is recovering the WAL: it lets go.
  ['SQLITE_BUSY', { kind: 'Unavailable' }],
  ['SQLITE_LOCKED', { kind: 'Unavailable' }],
  // Lost a race for the WAL index with another connection, after SQLite's own retries.
  ['SQLITE_PROTOCOL', { kind: 'Unavailable' }],
  // No space does not come back by waiting. The unix VFS reports ENOSPC as SQLITE_FULL;
  // IOERR_NOSPC is the same condition from other VFSes.
  ['SQLITE_FULL', { kind: 'Failure', advice: DISK_FULL }],
  ['SQLITE_IOERR_NOSPC', { kind: 'Failure', advice: DISK_FULL }],
  // The -shm index could not grow: on Linux that is a full disk (seen on a full tmpfs).
  ['SQLITE_IOERR_SHMSIZE', { kind: 'Failure', advice: `the store's -shm file cannot grow, usually because ${DISK_FULL}` }],
  ['SQLITE_IOERR', { kind: 'Failure', advice: 'an I/O error: check the disk and the file system (kernel log), then retry' }],
  // Missing directory, a directory given as the file, no permission, or -wal/-shm that
  // cannot be created: a path or a permission to fix, not a moment to wait.
  [
    'SQLITE_CANTOPEN',
    { kind: 'Failure', advice: 'SQLite cannot open the file or its -wal/-shm companions: check the path and the permissions of the file and its directory' },
  ],
  [
    'SQLITE_READONLY',
    { kind: 'Failure', advice: 'the store cannot be written here (opened read-only, or the file, its directory or the file system is read-only)' },
  ],
  ['SQLITE_CORRUPT', { kind: 'Failure', advice: 'the file is damaged: restore it from a backup' }],
];

const classificationOf = (code: string): Classification | undefined =>
  CLASSIFICATIONS.find(([family]) => code === family || code.startsWith(`${family}_`))?.[1];

export const storeErrorFrom = (error: unknown, context: string): SqliteStoreError => {
  const code = errorCodeOf(error);
  const classification = code === undefined ? undefined : classificationOf(code);
  const advice = classification?.advice === undefined ? '' : `${classification.advice}; `;
  const message = `${context}: ${advice}${code === undefined ? '' : `${code}: `}${messageOf(error)}`;
  return { kind: classification?.kind ?? 'Failure', message };
};

/** What a write through a store opened with `readOnly: true` gets, before SQLite is asked. */
export const readOnlyRefusal = (path: string, action: string): StoreError => ({
  kind: 'Failure',
  message: `cannot ${action}: ${path} is open read-only (reading commands such as ssp audit never write)`,
});

/** `SQLITE_TOOBIG` on an append: the row exceeds SQLite's length limit. */
export const isTooBig = (error: unknown): boolean => errorCodeOf(error) === 'SQLITE_TOOBIG';
