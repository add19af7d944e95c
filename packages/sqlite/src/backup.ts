import * as TE from 'fp-ts/TaskEither';
import Database from 'better-sqlite3';
import type { StoreError } from '@ssp/eventstore';
import { storeErrorFrom } from './errors';

export type BackupResult = Readonly<{ totalPages: number }>;

/**
 * Copies a live store file to `destination` with SQLite's online backup API: a consistent
 * snapshot taken page by page while other connections keep appending (better-sqlite3 copies a
 * batch of pages per event-loop turn and restarts if the source changes under it). The copy
 * is a complete database file; its WAL content is folded in, so it needs no -wal file.
 */
export const backupSqliteStore = (path: string, destination: string): TE.TaskEither<StoreError, BackupResult> =>
  TE.tryCatch(
    async () => {
      const source = new Database(path, { readonly: true, fileMustExist: true });
      try {
        const { totalPages } = await source.backup(destination);
        return { totalPages };
      } finally {
        source.close();
      }
    },
    (error) => storeErrorFrom(error, `backing up ${path} to ${destination}`),
  );
