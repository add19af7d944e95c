import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import { parsePosition, serialisePosition, type Position, type StoreError } from '@ssp/eventstore';
import { storeErrorOf } from './client-errors';
import type { ClientAppendResult, ClientEventData, ClientReads } from './client-shape';
import { readWithin, validDeadline, within } from './deadlines';
import { CHECKPOINT_CATEGORY } from './event-filter';
import { readLastEvent } from './read-stream';

/**
 * Projection checkpoints kept in EventStoreDB itself, one stream per projection:
 * `ReadModelCheckpoint-<projection>`, one `CheckpointSaved` event per save, with `$maxCount`
 * 1 in the stream metadata so that only the latest is kept. The stream is an ordinary one (a
 * `$` stream would need admin rights on a secured cluster); the adapter keeps it out of
 * `readAll` and `subscribeToAll`, so a projection never receives its own checkpoints.
 *
 * Saving a checkpoint here is not atomic with writing a read model kept elsewhere: after a
 * crash between the two, events are handled again. Projections must be idempotent.
 *
 * Every call to the server is bounded by the deadline of deadlines.ts, as the event store's
 * are: a projection host must not hang on a frozen server while saving or reading a checkpoint.
 */
export type CheckpointStore = Readonly<{
  /** The position of the last event the projection handled, or `start`. */
  read: (projection: string) => TE.TaskEither<StoreError, Position | 'start'>;
  save: (projection: string, position: Position) => TE.TaskEither<StoreError, void>;
}>;

/**
 * The part of either client this needs; appends use the default expected state, `any`. Writes
 * are given the deadline as `deadline`, which both clients read (see deadlines.ts); unlike the
 * event store's appends, no option here is spelt differently by the two dialects.
 */
export type CheckpointClient = Pick<ClientReads, 'readStream'> &
  Readonly<{
    appendToStream: (streamName: string, events: ClientEventData[], options: CheckpointWriteOptions) => Promise<ClientAppendResult>;
    setStreamMetadata: (streamName: string, metadata: Readonly<{ maxCount: number }>, options: CheckpointWriteOptions) => Promise<unknown>;
  }>;

/** The call's deadline in milliseconds, which both clients read from a write's options. */
export type CheckpointWriteOptions = Readonly<{ deadline: number }>;

export type CheckpointStoreOptions = Readonly<{
  /**
   * How long any one call to the server may take before it answers `Unavailable`, in
   * milliseconds; 10 000 by default, as for the event store. The store is built on a client,
   * not a connection string, so a `defaultDeadline` there is not read: pass the event store's
   * deadline here too. An impossible value gives a store whose every call answers `Failure`.
   */
  deadlineMs?: number;
}>;

export const checkpointStreamOf = (projection: string): string => `${CHECKPOINT_CATEGORY}-${projection}`;

const CHECKPOINT_SAVED = 'CheckpointSaved';

export const createEventStoreDbCheckpointStore = (given: CheckpointClient, options: CheckpointStoreOptions = {}): CheckpointStore => {
  const deadline = validDeadline(options.deadlineMs);
  if (E.isLeft(deadline)) return refusingCheckpointStore({ kind: 'Failure', message: deadline.left });
  const writeOptions: CheckpointWriteOptions = { deadline: deadline.right };
  const client = boundedBy(deadline.right, given);

  // Stream metadata is set once per stream and process, before the first save: cheap, and
  // repairs a stream whose metadata an operator removed, at the next start. A save whose
  // metadata got no answer sets it again at the next save.
  const limited = new Set<string>();

  const limitToLatest = (streamName: string): TE.TaskEither<StoreError, void> =>
    limited.has(streamName)
      ? TE.right(undefined)
      : pipe(
          TE.tryCatch(() => client.setStreamMetadata(streamName, { maxCount: 1 }, writeOptions), storeErrorOf),
          TE.map(() => {
            limited.add(streamName);
          }),
        );

  return {
    read: (projection) => {
      const streamName = checkpointStreamOf(projection);
      return pipe(
        readLastEvent(client, streamName),
        TE.chain((last) => {
          if (last === undefined) return TE.right<StoreError, Position | 'start'>('start');
          const text = typeof last.data === 'object' && last.data !== null && 'position' in last.data ? last.data.position : undefined;
          const position = typeof text === 'string' ? parsePosition(text) : undefined;
          return position === undefined
            ? TE.left<StoreError, Position | 'start'>({ kind: 'Failure', message: `the checkpoint in ${streamName} is unreadable` })
            : TE.right(position);
        }),
      );
    },
    save: (projection, position) => {
      const streamName = checkpointStreamOf(projection);
      const event: ClientEventData = {
        id: randomUUID(),
        contentType: 'application/json',
        type: CHECKPOINT_SAVED,
        data: { position: serialisePosition(position) },
        metadata: {},
      };
      return pipe(
        limitToLatest(streamName),
        TE.chain(() => TE.tryCatch(() => client.appendToStream(streamName, [event], writeOptions), storeErrorOf)),
        TE.map(() => undefined),
      );
    },
  };
};

/** The same client, with each call's answer bounded by `deadlineMs` (a late one becomes `Unavailable`). */
const boundedBy = (deadlineMs: number, client: CheckpointClient): CheckpointClient => ({
  readStream: (streamName, readOptions) => readWithin(deadlineMs, `readStream ${streamName}`, client.readStream(streamName, readOptions)),
  appendToStream: (streamName, events, writeOptions) =>
    within(deadlineMs, `appendToStream ${streamName}`, client.appendToStream(streamName, events, writeOptions)),
  setStreamMetadata: (streamName, metadata, writeOptions) =>
    within(deadlineMs, `setStreamMetadata ${streamName}`, client.setStreamMetadata(streamName, metadata, writeOptions)),
});

/** For a configuration that cannot work: the mistake shows where checkpoints are used. */
const refusingCheckpointStore = (refusal: StoreError): CheckpointStore => ({
  read: () => TE.left(refusal),
  save: () => TE.left(refusal),
});
