import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import { describeValidationError, isDomainStream } from '@ssp/domain';
import { asJsonObject, comparePositions, pagesAfter, type EventStore, type JsonObject, type Position, type ReadModelStore, type RecordedEvent } from '@ssp/eventstore';
import type { ProjectionPhase } from '../telemetry/names';
import { createProjectionTelemetry, type BatchRecording, type ProjectionTelemetryOptions } from '../telemetry/projection-telemetry';
import { corruptDocument, storeFailed, subscriptionDropped, undecodable, type ProjectionError } from './errors';
import { createDocumentCache, type DocumentCache } from './document-cache';
import type { Projection } from './projection';
import { readProjectedEvent } from './read-event';

export type ProjectionRunnerOptions = Readonly<{
  events: EventStore;
  readModels: ReadModelStore;
  /** Events read per page and committed together while catching up. */
  batchSize?: number;
  /**
   * Documents a run keeps in memory as last committed, so that later batches need not read
   * them back (default 10,000; 0 reads every document from the store each batch).
   */
  documentCacheSize?: number;
  /** Told after each commit: for progress reports, and for tests that wait for live events. */
  onCommit?: (projection: string, checkpoint: Position, eventsInBatch: number) => void;
  /** Spans and metrics through `@opentelemetry/api`, if installed (see docs/observability.md). */
  telemetry?: ProjectionTelemetryOptions;
  /** The time now, as ISO 8601 UTC: what the lag metric measures against. Defaults to the system clock. */
  clock?: () => string;
}>;

export type CatchUpResult = Readonly<{ checkpoint: Position | 'start'; eventsApplied: number }>;

export type FollowHandle = Readonly<{
  /** Stops following; resolves once the runner has let go of the subscription. */
  stop: () => Promise<void>;
  /** Settles when following ends: `right` after `stop()`, `left` when the projection stopped on an error. */
  done: Promise<E.Either<ProjectionError, void>>;
}>;

export type ProjectionRunner = Readonly<{
  /** Applies every event after the stored checkpoint up to the end of history, then returns. */
  catchUp: <Doc extends object>(projection: Projection<Doc>) => TaskEither<ProjectionError, CatchUpResult>;
  /** Forgets the projection's documents and checkpoint, then catches up from the first event. */
  rebuild: <Doc extends object>(projection: Projection<Doc>) => TaskEither<ProjectionError, CatchUpResult>;
  /** Catches up, then applies live events as they are appended, until `stop()`. */
  follow: <Doc extends object>(projection: Projection<Doc>) => FollowHandle;
}>;

const isAfter = (position: Position, checkpoint: Position | 'start'): boolean =>
  checkpoint === 'start' || comparePositions(position, checkpoint) > 0;

/**
 * Follows the store's global order from a projection's checkpoint. Each batch's document
 * changes are committed together with the position of the batch's last event, in one call to
 * `ReadModelStore.commit`: where that is atomic (in memory, SQLite) a crash leaves the read
 * model exactly at its checkpoint, so no event is ever applied twice or missed. Events at or
 * before the checkpoint (a re-delivery) are skipped, which also makes the runner safe over
 * stores that deliver at least once.
 */
export const createProjectionRunner = (options: ProjectionRunnerOptions): ProjectionRunner => {
  const { events, readModels } = options;
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const documentCacheSize = Math.max(0, options.documentCacheSize ?? 10_000);
  const telemetry = createProjectionTelemetry(options.telemetry ?? {}, options.clock ?? (() => new Date().toISOString()));

  /** Applies the events after `checkpoint` and commits them; answers the new checkpoint. */
  const applyAndCommit = async <Doc extends object>(
    projection: Projection<Doc>,
    recorded: readonly RecordedEvent[],
    checkpoint: Position | 'start',
    cache: DocumentCache<Doc>,
    batch: BatchRecording,
  ): Promise<E.Either<ProjectionError, Readonly<{ checkpoint: Position | 'start'; applied: number }>>> => {
    // Documents changed in this batch (null: deleted), so that later events see earlier ones.
    const pending = new Map<string, Doc | null>();
    const loaded = new Map<string, Doc | undefined>();
    let last: Position | undefined;
    let newestOccurredAt = '';
    let applied = 0;
    let failure: ProjectionError | undefined;

    for (const record of recorded) {
      if (!isAfter(record.position, last ?? checkpoint)) continue;
      // Streams beside the domain's (the notifications' outbox) are passed by, checkpoint and all.
      if (!isDomainStream(record.streamName)) {
        last = record.position;
        continue;
      }
      const projected = readProjectedEvent(record);
      if (E.isLeft(projected)) {
        failure = undecodable(projection.name, record, projected.left);
        break;
      }
      for (const id of projection.touches(projected.right)) {
        if (pending.has(id) || loaded.has(id)) continue;
        const cached = cache.lookup(id);
        if (cached.known) {
          loaded.set(id, cached.document);
          continue;
        }
        const stored = await readModels.get(projection.name, id)();
        if (E.isLeft(stored)) return E.left(storeFailed(projection.name, stored.left));
        if (stored.right === undefined) {
          loaded.set(id, undefined);
          continue;
        }
        // A document this runner committed is already of its type: `is` accepts it without a full decode.
        if (projection.document.is?.(stored.right) === true) {
          loaded.set(id, stored.right);
          continue;
        }
        const decoded = projection.document.decode(stored.right);
        if (E.isLeft(decoded)) {
          return E.left(corruptDocument(projection.name, id, decoded.left.map((error) => describeValidationError(error)).join('; ')));
        }
        loaded.set(id, decoded.right);
      }
      const current = (id: string): Doc | undefined => (pending.has(id) ? (pending.get(id) ?? undefined) : loaded.get(id));
      for (const [id, document] of projection.apply(projected.right, current)) pending.set(id, document);
      last = record.position;
      newestOccurredAt = projected.right.metadata.occurredAt;
      applied += 1;
    }

    // What was applied before an undecodable event is still committed: the projection stops
    // exactly at the event it cannot read, and resumes there once history is repaired.
    if (last !== undefined) {
      const upserts: Array<readonly [string, JsonObject]> = [];
      const deletes: string[] = [];
      for (const [id, document] of pending) {
        if (document === null) deletes.push(id);
        else upserts.push([id, asJsonObject(document)]);
      }
      const committed = await readModels.commit(projection.name, { upserts, deletes }, last)();
      if (E.isLeft(committed)) return E.left(storeFailed(projection.name, committed.left));
      cache.remember(loaded);
      cache.remember(pending);
      batch.committed(last, applied, newestOccurredAt);
      options.onCommit?.(projection.name, last, applied);
    }
    return failure === undefined ? E.right({ checkpoint: last ?? checkpoint, applied }) : E.left(failure);
  };

  /** One batch, inside its span. */
  const applyBatch = <Doc extends object>(
    projection: Projection<Doc>,
    phase: ProjectionPhase,
    recorded: readonly RecordedEvent[],
    checkpoint: Position | 'start',
    cache: DocumentCache<Doc>,
  ) => telemetry.batch(projection.name, phase, (batch) => applyAndCommit(projection, recorded, checkpoint, cache, batch));

  /** Counts the error a projection stopped on, where the runner answers it (and so once). */
  const counted = async <A>(projection: string, result: E.Either<ProjectionError, A>): Promise<E.Either<ProjectionError, A>> => {
    if (E.isLeft(result)) await telemetry.failed(projection, result.left);
    return result;
  };

  const catchUpFrom =
    <Doc extends object>(projection: Projection<Doc>, cache: DocumentCache<Doc> = createDocumentCache(documentCacheSize)): TaskEither<ProjectionError, CatchUpResult> =>
    async () => {
      const stored = await readModels.checkpoint(projection.name)();
      if (E.isLeft(stored)) return E.left(storeFailed(projection.name, stored.left));
      let checkpoint = stored.right;
      let eventsApplied = 0;
      for await (const page of pagesAfter(events, checkpoint, batchSize)) {
        if (E.isLeft(page)) return E.left(storeFailed(projection.name, page.left));
        const result = await applyBatch(projection, 'catch_up', page.right, checkpoint, cache);
        if (E.isLeft(result)) return result;
        checkpoint = result.right.checkpoint;
        eventsApplied += result.right.applied;
      }
      return E.right({ checkpoint, eventsApplied });
    };

  const catchUp =
    <Doc extends object>(projection: Projection<Doc>): TaskEither<ProjectionError, CatchUpResult> =>
    async () =>
      counted(projection.name, await catchUpFrom(projection)());

  const rebuild =
    <Doc extends object>(projection: Projection<Doc>): TaskEither<ProjectionError, CatchUpResult> =>
    async () => {
      const reset = await readModels.reset(projection.name)();
      return counted(projection.name, E.isLeft(reset) ? E.left(storeFailed(projection.name, reset.left)) : await catchUpFrom(projection)());
    };

  const follow = <Doc extends object>(projection: Projection<Doc>): FollowHandle => {
    let stopped = false;
    let closeSubscription: (() => Promise<void>) | undefined;

    const run = async (): Promise<E.Either<ProjectionError, void>> => {
      const cache = createDocumentCache<Doc>(documentCacheSize);
      const caughtUp = await catchUpFrom(projection, cache)();
      if (E.isLeft(caughtUp)) return caughtUp;
      if (stopped) return E.right(undefined);
      let checkpoint = caughtUp.right.checkpoint;
      const subscription = events.subscribeToAll({ after: checkpoint });
      closeSubscription = () => subscription.close();
      if (stopped) {
        await subscription.close();
        return E.right(undefined);
      }
      try {
        for await (const message of subscription) {
          if (stopped) break;
          if (message.kind === 'caughtUp') continue;
          if (message.kind === 'dropped') return E.left(subscriptionDropped(projection.name, message.error));
          const result = await applyBatch(projection, 'live', [message.event], checkpoint, cache);
          if (E.isLeft(result)) return result;
          checkpoint = result.right.checkpoint;
        }
        return E.right(undefined);
      } finally {
        await subscription.close();
      }
    };

    const done = run().then((result) => counted(projection.name, result));
    return {
      done,
      stop: async () => {
        stopped = true;
        await closeSubscription?.();
        await done;
      },
    };
  };

  return { catchUp, rebuild, follow };
};
