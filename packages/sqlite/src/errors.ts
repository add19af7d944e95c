import type { StoreError } from '@ssp/eventstore';

/**
 * better-sqlite3 reports failures by throwing `SqliteError`s carrying SQLite's extended result
 * code. The store turns them into `StoreError` values at its boundary so that nothing is ever
 * thrown through a TaskEither.
 */
const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Codes that say "try again later" rather than "this will never work": another process holds
 * the write lock past the busy timeout, the disk is full, or the file cannot be reached.
 */
const TRANSIENT_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_PROTOCOL'];

const isTransient = (code: string): boolean => TRANSIENT_CODES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`));

export const storeErrorFrom = (error: unknown, context: string): StoreError => {
  const code = codeOf(error);
  const message = `${context}: ${code === undefined ? '' : `${code}: `}${messageOf(error)}`;
  return code !== undefined && isTransient(code) ? { kind: 'Unavailable', message } : { kind: 'Failure', message };
};

/** `SQLITE_TOOBIG` on an append: the row exceeds SQLite's length limit. */
export const isTooBig = (error: unknown): boolean => codeOf(error) === 'SQLITE_TOOBIG';
