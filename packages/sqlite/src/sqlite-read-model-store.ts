import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import { parsePosition, serialisePosition } from '@ssp/eventstore';
import type { DocumentChanges, JsonObject, Position, ReadModelStore, StoreError } from '@ssp/eventstore';
import { resolveLocation } from './database';
import type { SqliteDatabase, SqliteLocation } from './database';
import { storeErrorFrom } from './errors';
import { parseJsonObject } from './json';
import type { OpenError } from './open-error';

export type SqliteReadModelStore = ReadModelStore &
  Readonly<{
    database: SqliteDatabase;
    /** Closes the file if this store opened it; a shared database is left to its owner. */
    close(): Promise<void>;
  }>;

type DocumentRow = Readonly<{ id: string; document: string }>;

const attempt = <A>(context: string, run: () => E.Either<StoreError, A>): TaskEither<StoreError, A> => () => {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.resolve(E.left(storeErrorFrom(error, context)));
  }
};

/** Ids in JavaScript's string order (UTF-16 code units), as the in-memory store sorts them. */
const byId = (a: readonly [string, JsonObject], b: readonly [string, JsonObject]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/**
 * Read models in the same SQLite file as the events: documents keyed by (projection, id) and
 * one checkpoint per projection. Pass `{ database }` to share the event store's connection.
 */
export const openSqliteReadModelStore = (location: SqliteLocation): E.Either<OpenError, SqliteReadModelStore> => {
  const located = resolveLocation(location);
  if (E.isLeft(located)) return located;
  const { database, owned } = located.right;
  try {
    return E.right(createReadModelStore(database, owned));
  } catch (error) {
    if (owned) database.close();
    return E.left(storeErrorFrom(error, `opening the read-model store on ${database.path}`));
  }
};

const createReadModelStore = (database: SqliteDatabase, ownsDatabase: boolean): SqliteReadModelStore => {
  const { connection } = database;
  const selectCheckpoint = connection.prepare<[string], { position: string }>(
    'SELECT position FROM read_model_checkpoints WHERE projection = ?',
  );
  const selectDocument = connection.prepare<[string, string], DocumentRow>(
    'SELECT id, document FROM read_model_documents WHERE projection = ? AND id = ?',
  );
  const selectDocuments = connection.prepare<[string], DocumentRow>(
    'SELECT id, document FROM read_model_documents WHERE projection = ?',
  );
  const upsertDocument = connection.prepare<[string, string, string]>(
    `INSERT INTO read_model_documents (projection, id, document) VALUES (?, ?, ?)
     ON CONFLICT (projection, id) DO UPDATE SET document = excluded.document`,
  );
  const deleteDocument = connection.prepare<[string, string]>(
    'DELETE FROM read_model_documents WHERE projection = ? AND id = ?',
  );
  const upsertCheckpoint = connection.prepare<[string, string]>(
    `INSERT INTO read_model_checkpoints (projection, position) VALUES (?, ?)
     ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
  );
  const deleteDocuments = connection.prepare<[string]>('DELETE FROM read_model_documents WHERE projection = ?');
  const deleteCheckpoint = connection.prepare<[string]>('DELETE FROM read_model_checkpoints WHERE projection = ?');

  // Documents and checkpoint in one transaction: after a crash the read model is exactly as
  // of its checkpoint, so the projection resumes from there without skipping or re-applying.
  // Upserts run before deletes, so an id present in both ends up deleted.
  const commitInTransaction = connection.transaction(
    (projection: string, changes: DocumentChanges, checkpoint: Position): void => {
      for (const [id, document] of changes.upserts) upsertDocument.run(projection, id, JSON.stringify(document));
      for (const id of changes.deletes) deleteDocument.run(projection, id);
      upsertCheckpoint.run(projection, serialisePosition(checkpoint));
    },
  );
  const resetInTransaction = connection.transaction((projection: string): void => {
    deleteDocuments.run(projection);
    deleteCheckpoint.run(projection);
  });

  let closed = false;
  return {
    database,
    checkpoint: (projection) =>
      attempt(`reading the checkpoint of ${projection}`, (): E.Either<StoreError, Position | 'start'> => {
        const row = selectCheckpoint.get(projection);
        if (row === undefined) return E.right('start');
        const position = parsePosition(row.position);
        return position === undefined
          ? E.left({ kind: 'Failure', message: `checkpoint of ${projection} is not a position: ${row.position}` })
          : E.right(position);
      }),
    get: (projection, id) =>
      attempt(`reading ${projection}/${id}`, (): E.Either<StoreError, JsonObject | undefined> => {
        const row = selectDocument.get(projection, id);
        return row === undefined ? E.right(undefined) : parseJsonObject(row.document, `document ${projection}/${id}`);
      }),
    list: (projection) =>
      attempt(`listing ${projection}`, () => {
        const documents: Array<readonly [string, JsonObject]> = [];
        for (const row of selectDocuments.all(projection)) {
          const document = parseJsonObject(row.document, `document ${projection}/${row.id}`);
          if (E.isLeft(document)) return document;
          documents.push([row.id, document.right]);
        }
        // Sorted here rather than by ORDER BY: SQLite compares UTF-8 bytes, JavaScript UTF-16
        // units, and the two disagree beyond the Basic Multilingual Plane.
        return E.right(documents.sort(byId));
      }),
    commit: (projection, changes, checkpoint) =>
      attempt(`committing ${projection}`, () => E.right(commitInTransaction.immediate(projection, changes, checkpoint))),
    reset: (projection) => attempt(`resetting ${projection}`, () => E.right(resetInTransaction.immediate(projection))),
    close: async () => {
      if (closed) return;
      closed = true;
      if (ownsDatabase) database.close();
    },
  };
};
