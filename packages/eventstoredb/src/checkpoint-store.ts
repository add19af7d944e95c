import { randomUUID } from 'node:crypto';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import { parsePosition, serialisePosition, type Position, type StoreError } from '@ssp/eventstore';
import { storeErrorOf } from './client-errors';
import type { ClientAppendResult, ClientEventData, ClientReads } from './client-shape';
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
 */
export type CheckpointStore = Readonly<{
  /** The position of the last event the projection handled, or `start`. */
  read: (projection: string) => TE.TaskEither<StoreError, Position | 'start'>;
  save: (projection: string, position: Position) => TE.TaskEither<StoreError, void>;
}>;

/** The part of either client this needs; appends use the default expected state, `any`. */
export type CheckpointClient = Pick<ClientReads, 'readStream'> &
  Readonly<{
    appendToStream: (streamName: string, events: ClientEventData[]) => Promise<ClientAppendResult>;
    setStreamMetadata: (streamName: string, metadata: Readonly<{ maxCount: number }>) => Promise<unknown>;
  }>;

export const checkpointStreamOf = (projection: string): string => `${CHECKPOINT_CATEGORY}-${projection}`;

const CHECKPOINT_SAVED = 'CheckpointSaved';

export const createEventStoreDbCheckpointStore = (client: CheckpointClient): CheckpointStore => {
  // Stream metadata is set once per stream and process, before the first save: cheap, and
  // repairs a stream whose metadata an operator removed, at the next start.
  const limited = new Set<string>();

  const limitToLatest = (streamName: string): TE.TaskEither<StoreError, void> =>
    limited.has(streamName)
      ? TE.right(undefined)
      : pipe(
          TE.tryCatch(() => client.setStreamMetadata(streamName, { maxCount: 1 }), storeErrorOf),
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
        TE.chain(() => TE.tryCatch(() => client.appendToStream(streamName, [event]), storeErrorOf)),
        TE.map(() => undefined),
      );
    },
  };
};
