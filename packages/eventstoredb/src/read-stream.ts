import * as A from 'fp-ts/Array';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import type { ReadStreamOptions, RecordedEvent, StoreError } from '@ssp/eventstore';
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

/** Bad paging arguments are the caller's bug; they are reported, never guessed at. */
export const validMaxCount = (maxCount: number | undefined): E.Either<StoreError, number> =>
  maxCount === undefined
    ? E.right(Number.MAX_SAFE_INTEGER)
    : Number.isSafeInteger(maxCount) && maxCount >= 0
      ? E.right(maxCount)
      : E.left({ kind: 'Failure', message: `maxCount must be a non-negative integer, got ${maxCount}` });

const validFromRevision = (fromRevision: bigint | undefined): E.Either<StoreError, bigint> =>
  fromRevision === undefined
    ? E.right(0n)
    : fromRevision >= 0n
      ? E.right(fromRevision)
      : E.left({ kind: 'Failure', message: `fromRevision must not be negative, got ${fromRevision}` });

export const decodeAll = (events: readonly ClientRecordedEvent[]): E.Either<StoreError, readonly RecordedEvent[]> =>
  pipe([...events], A.traverse(E.Applicative)(fromClientEvent));

export const readStream = (
  client: StreamReader,
  streamName: string,
  options: ReadStreamOptions = {},
): TE.TaskEither<StoreError, readonly RecordedEvent[]> =>
  pipe(
    TE.fromEither(
      pipe(
        E.Do,
        E.apS('fromRevision', validFromRevision(options.fromRevision)),
        E.apS('maxCount', validMaxCount(options.maxCount)),
      ),
    ),
    TE.chain(({ fromRevision, maxCount }) =>
      maxCount === 0
        ? TE.right([])
        : collect(() => client.readStream(streamName, { fromRevision, maxCount, direction: 'forwards' })),
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
