import * as E from 'fp-ts/Either';
import { positionOf, type Position, type StoreError } from '@ssp/eventstore';
import type { SqliteDatabase } from './database';
import { storeErrorFrom } from './errors';

/** The newest link of the store's global chain, as its appends recorded it. */
export type LogHead = Readonly<{ position: Position; hash: string }>;

/**
 * The head of the global chain that the store keeps beside its events (schema step 3). The
 * events alone cannot show that the log's newest events were removed, or that events were
 * added after it by something other than the store's appends; compared with the last event's
 * link, the head can. Undefined for a store that has appended nothing since it kept the chain
 * (or whose file predates it). Only reads: it runs on a read-only connection.
 */
export const readSqliteLogHead = (database: SqliteDatabase): E.Either<StoreError, LogHead | undefined> => {
  try {
    const { connection } = database;
    const hasHead = connection.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_head'`).get() !== undefined;
    if (!hasHead) return E.right(undefined);
    const row = connection
      .prepare<[], { position: bigint; log_hash: string }>('SELECT position, log_hash FROM log_head WHERE singleton = 1')
      .safeIntegers(true)
      .get();
    return E.right(row === undefined ? undefined : { position: positionOf(row.position), hash: row.log_hash });
  } catch (error) {
    return E.left(storeErrorFrom(error, 'reading the head of the global chain'));
  }
};
