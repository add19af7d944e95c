import type { TaskEither } from 'fp-ts/TaskEither';
import type { JsonObject, Position, StoreError } from './port';

/**
 * Where projections keep their read models: documents addressed by (projection, id), and one
 * checkpoint per projection. `commit` writes a batch of document changes together with the
 * checkpoint of the last event they reflect, atomically where the backing store allows it
 * (in memory and in SQLite it does), so that a read model is never ahead of or behind its
 * checkpoint.
 */
export type DocumentChanges = Readonly<{
  upserts: ReadonlyArray<readonly [id: string, document: JsonObject]>;
  deletes: readonly string[];
}>;

export interface ReadModelStore {
  /** The position of the last event reflected in the projection's documents, or `start`. */
  checkpoint(projection: string): TaskEither<StoreError, Position | 'start'>;
  get(projection: string, id: string): TaskEither<StoreError, JsonObject | undefined>;
  /** Every document of the projection, ordered by id. */
  list(projection: string): TaskEither<StoreError, ReadonlyArray<readonly [id: string, document: JsonObject]>>;
  commit(projection: string, changes: DocumentChanges, checkpoint: Position): TaskEither<StoreError, void>;
  /** Forgets the projection's documents and checkpoint, for a rebuild from zero. */
  reset(projection: string): TaskEither<StoreError, void>;
}
