import * as A from 'fp-ts/Array';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import type { RecordedEvent, StoreError, ValidReadStreamOptions } from '@ssp/eventstore';
import { isStreamNotFound, storeErrorOf } from './client-errors';
import type { ClientReads, ClientRecordedEvent, ClientResolvedEvent } from './client-shape';
import { fromClientEvent } from './event-mapping';

type StreamReader = Pick<ClientReads, 'readStream'>;

/** Runs a client read to its end. A missing stream is an empty history, not an error. */
export const collect = (read: () => AsyncIterable<ClientResolvedEvent>): TE.TaskEither<StoreError, ClientRecordedEvent[]> =>
  pipe(
    TE.tryCatch(
      async () => {
        const events: ClientRecordedEvent[] = [];
        for await (const resolved of read()) if (resolved.event !== undefined) events.push(resolved.event);
        return events;
      },
      (error): unknown => error,
    ),
    TE.orElse((error) => (isStreamNotFound(error) ? TE.right([]) : TE.left(storeErrorOf(error)))),
  );

export const decodeAll = (events: readonly ClientRecordedEvent[]): E.Either<StoreError, readonly RecordedEvent[]> =>
  pipe([...events], A.traverse(E.Applicative)(fromClientEvent));

/** `options` were checked by the port's shared rules (see `guardedEventStore`); absent `maxCount` reads all. */
export const readStream = (
  client: StreamReader,
  streamName: string,
  { fromRevision, maxCount }: ValidReadStreamOptions,
): TE.TaskEither<StoreError, readonly RecordedEvent[]> =>
  pipe(
    collect(() =>
      client.readStream(streamName, { fromRevision, maxCount: maxCount ?? Number.MAX_SAFE_INTEGER, direction: 'forwards' }),
    ),
    TE.chainEitherK(decodeAll),
  );

/** The stream's last event as the server has it, or undefined for a stream without events. */
export const readLastEvent = (
  client: StreamReader,
  streamName: string,
): TE.TaskEither<StoreError, ClientRecordedEvent | undefined> =>
  pipe(
    collect(() => client.readStream(streamName, { fromRevision: 'end', maxCount: 1, direction: 'backwards' })),
    TE.map((events) => events[0]),
  );
