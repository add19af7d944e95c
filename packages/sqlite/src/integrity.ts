import * as E from 'fp-ts/Either';
import type { StoreError } from '@ssp/eventstore';
import type { SqliteDatabase } from './database';
import { errorCodeOf, messageOf, storeErrorFrom } from './errors';

/** SQLite's own limit on the problems one check lists: past it, the file is plainly beyond repair. */
export const MAX_INTEGRITY_PROBLEMS = 100;

/**
 * Codes by which SQLite says the file itself is damaged. The check meets them when the damage
 * is so deep (the schema's own pages, the file header) that it cannot even walk the file:
 * that is its answer, not a failure to answer.
 */
const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

const isDamage = (error: unknown): boolean => {
  const code = errorCodeOf(error);
  return code !== undefined && DAMAGE_CODES.some((family) => code === family || code.startsWith(`${family}_`));
};

const isRow = (row: unknown): row is Readonly<{ integrity_check: unknown }> =>
  typeof row === 'object' && row !== null && 'integrity_check' in row;

/**
 * SQLite's `PRAGMA integrity_check` on the store's file: every page, every b-tree, every index
 * against its table, every NOT NULL and CHECK constraint. The hash chain proves what the events
 * say; this proves the file still holds what SQLite wrote, read-models and checkpoints
 * included, which no chain covers. Only reads, so it runs on a read-only connection too.
 *
 * `[]` means the file is sound; otherwise SQLite's own descriptions of the problems, in its
 * order (at most `MAX_INTEGRITY_PROBLEMS`). A `Left` means the check could not run (the file
 * is locked, an I/O error) and says nothing about the file either way.
 */
export const checkSqliteIntegrity = (database: SqliteDatabase): E.Either<StoreError, readonly string[]> => {
  const reported: string[] = [];
  try {
    // Row by row: when SQLite meets a page it cannot read, it gives the rows naming it, then
    // stops with SQLITE_CORRUPT. Those rows are the best account of the damage.
    for (const row of database.connection.prepare(`PRAGMA integrity_check(${MAX_INTEGRITY_PROBLEMS})`).iterate()) {
      if (isRow(row)) reported.push(...problemsIn(String(row.integrity_check)));
    }
  } catch (error) {
    if (!isDamage(error)) return E.left(storeErrorFrom(error, `checking the integrity of ${database.path}`));
    if (reported.length === 0) reported.push(messageOf(error));
  }
  return E.right(reported.length === 1 && reported[0] === 'ok' ? [] : reported);
};

/** One row may hold several problems, one a line, under a heading naming the attached database. */
const problemsIn = (text: string): readonly string[] =>
  text.split('\n').filter((line) => line !== '' && !/^\*\*\* in database \S+ \*\*\*$/.test(line));
