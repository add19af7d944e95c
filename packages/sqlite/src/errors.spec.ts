import { storeErrorFrom } from './errors';

/** What better-sqlite3 throws: an Error carrying SQLite's extended result code. */
const sqliteError = (code: string, message = 'SQLite said no'): Error => Object.assign(new Error(message), { code });

describe('turning SQLite errors into store errors', () => {
  it.each([
    // Transient: another connection lets go of its lock, retrying succeeds without anyone acting.
    ['SQLITE_BUSY', 'Unavailable'],
    ['SQLITE_BUSY_RECOVERY', 'Unavailable'],
    ['SQLITE_BUSY_SNAPSHOT', 'Unavailable'],
    ['SQLITE_BUSY_TIMEOUT', 'Unavailable'],
    ['SQLITE_LOCKED', 'Unavailable'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'Unavailable'],
    ['SQLITE_PROTOCOL', 'Unavailable'],
    // An operator must act: free space, fix a path or a permission, repair a disk, restore a file.
    ['SQLITE_FULL', 'Failure'],
    ['SQLITE_IOERR_NOSPC', 'Failure'],
    ['SQLITE_IOERR_SHMSIZE', 'Failure'],
    ['SQLITE_IOERR', 'Failure'],
    ['SQLITE_IOERR_WRITE', 'Failure'],
    ['SQLITE_IOERR_FSYNC', 'Failure'],
    ['SQLITE_IOERR_SHORT_READ', 'Failure'],
    ['SQLITE_IOERR_LOCK', 'Failure'],
    ['SQLITE_CANTOPEN', 'Failure'],
    ['SQLITE_CANTOPEN_ISDIR', 'Failure'],
    ['SQLITE_READONLY', 'Failure'],
    ['SQLITE_READONLY_DIRECTORY', 'Failure'],
    ['SQLITE_CORRUPT', 'Failure'],
    ['SQLITE_NOTADB', 'Failure'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'Failure'],
  ])('given %s, when it becomes a store error, then its kind is %s', (code, kind) => {
    expect(storeErrorFrom(sqliteError(code), 'appending to Device-1').kind).toBe(kind);
  });

  it('given SQLITE_FULL, when it becomes a store error, then the message tells the operator to free space before SQLite\'s own words', () => {
    expect(storeErrorFrom(sqliteError('SQLITE_FULL', 'database or disk is full'), 'appending to Device-1')).toEqual({
      kind: 'Failure',
      message: 'appending to Device-1: the disk is full (or the file reached its size limit): free space, then retry; SQLITE_FULL: database or disk is full',
    });
  });

  it('given SQLITE_BUSY, when it becomes a store error, then the message is only the context and what SQLite said', () => {
    expect(storeErrorFrom(sqliteError('SQLITE_BUSY', 'database is locked'), 'appending to Device-1')).toEqual({
      kind: 'Unavailable',
      message: 'appending to Device-1: SQLITE_BUSY: database is locked',
    });
  });

  it('given an error without a code, when it becomes a store error, then it is a Failure with its message', () => {
    expect(storeErrorFrom(new TypeError('not a database handle'), 'reading')).toEqual({ kind: 'Failure', message: 'reading: not a database handle' });
  });
});
