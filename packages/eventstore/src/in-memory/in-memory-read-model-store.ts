import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import type { JsonObject, Position } from '../port';
import type { ReadModelStore } from '../read-model-port';
import { frozenJsonCopy } from './frozen-json';

type Projection = Readonly<{ documents: Map<string, JsonObject>; checkpoint: Position | 'start' }>;

const emptyProjection: Projection = { documents: new Map(), checkpoint: 'start' };

/**
 * A `ReadModelStore` in process memory. Documents and checkpoint change together or not at all:
 * a document that cannot be copied fails the whole commit before anything is applied.
 */
export const createInMemoryReadModelStore = (): ReadModelStore => {
  const projections = new Map<string, Projection>();
  const projectionNamed = (name: string): Projection => projections.get(name) ?? emptyProjection;

  return {
    checkpoint: (projection) => TE.right(projectionNamed(projection).checkpoint),

    get: (projection, id) => TE.right(projectionNamed(projection).documents.get(id)),

    list: (projection) =>
      TE.right(
        [...projectionNamed(projection).documents.entries()].sort(([a], [b]) => compareCodePoints(a, b)),
      ),

    commit: (projection, changes, checkpoint) =>
      TE.fromIOEither(() => {
        // Every copy is made before anything changes: a document that cannot be copied fails
        // the commit with nothing applied. The changes are then applied in place, in one turn of
        // the event loop, so no reader sees half of them; a commit costs its own documents, not
        // a copy of the whole read model (a live projection commits every event).
        const upserts: Array<readonly [string, JsonObject]> = [];
        for (const [id, document] of changes.upserts) {
          const copy = frozenJsonCopy(document);
          if (E.isLeft(copy)) return copy;
          upserts.push([id, copy.right]);
        }
        const current = projections.get(projection);
        const documents = current?.documents ?? new Map<string, JsonObject>();
        for (const [id, document] of upserts) documents.set(id, document);
        for (const id of changes.deletes) documents.delete(id);
        projections.set(projection, { documents, checkpoint: Object.freeze({ commit: checkpoint.commit, prepare: checkpoint.prepare }) });
        return E.right(undefined);
      }),

    reset: (projection) =>
      TE.fromIO(() => {
        projections.delete(projection);
      }),
  };
};

/**
 * Code-point order, which is also UTF-8 byte order: the order SQLite's default collation
 * gives, so `list` agrees across adapters even for ids beyond the Basic Multilingual Plane
 * (plain `<` on strings compares UTF-16 code units and would not).
 */
const compareCodePoints = (a: string, b: string): number => {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const l = left.next();
    const r = right.next();
    if (l.done === true || r.done === true) return l.done === r.done ? 0 : l.done === true ? -1 : 1;
    const difference = (l.value.codePointAt(0) ?? 0) - (r.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
};
