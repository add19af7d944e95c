import * as E from 'fp-ts/Either';
import Database from 'better-sqlite3';
import { storeErrorFrom } from './errors';
import type { OpenError } from './open-error';

/**
 * A better-sqlite3 connection, or why not, as a value. `source` is a file path, or the bytes
 * of a database to open in memory; `label` names it in the error.
 */
export const connect = (
  source: string | Buffer,
  label: string,
  options: Database.Options = {},
): E.Either<OpenError, Database.Database> => {
  try {
    return E.right(new Database(source, options));
  } catch (error) {
    return E.left(storeErrorFrom(error, `opening ${label}`));
  }
};

export const closeQuietly = (connection: Database.Database): void => {
  try {
    connection.close();
  } catch {
    // Already failing to open: the original error is the one worth reporting.
  }
};
