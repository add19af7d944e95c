import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import type { AppendResult, ExpectedRevision, NewEvent, StoreError } from '@ssp/eventstore';
import { appendErrorOf } from './client-errors';
import type { ClientAppendResult, ClientEventData, ClientStreamState, DialectClient } from './client-shape';
import { toClientEvent } from './event-mapping';
import { collect, readLastEvent } from './read-stream';

const streamStateOf = (expected: ExpectedRevision): ClientStreamState => {
  switch (expected) {
    case 'ANY':
      return 'any';
    case 'NO_STREAM':
      return 'no_stream';
    case 'STREAM_EXISTS':
      return 'stream_exists';
    default:
      return expected;
  }
};

/** The one place that knows how each dialect names the expected state of an append. */
const send = (
  connection: DialectClient,
  streamName: string,
  events: ClientEventData[],
  expected: ExpectedRevision,
): Promise<ClientAppendResult> => {
  const state = streamStateOf(expected);
  return connection.dialect === 'eventstoredb'
    ? connection.client.appendToStream(streamName, events, { expectedRevision: state })
    : connection.client.appendToStream(streamName, events, { streamState: state });
};

const START: AppendResult['position'] = { commit: 0n, prepare: 0n };

/**
 * What an empty append leaves: the server checks the expected revision, answers "no stream"
 * or "no position", and writes nothing, so the stream's last event is read instead.
 */
const resultOfEmptyAppend = (connection: DialectClient, streamName: string): TE.TaskEither<StoreError, AppendResult> =>
  pipe(
    readLastEvent(connection.client, streamName),
    TE.map((last) => ({ nextExpectedRevision: last?.revision ?? -1n, position: last?.position ?? START })),
  );

/** A write acknowledged without its position: the position is that of the event at the revision. */
const resultAtRevision = (
  connection: DialectClient,
  streamName: string,
  revision: bigint,
): TE.TaskEither<StoreError, AppendResult> =>
  pipe(
    collect(() => connection.client.readStream(streamName, { fromRevision: revision, maxCount: 1, direction: 'forwards' })),
    TE.chain(([event]) =>
      event?.position === undefined
        ? TE.left({ kind: 'Failure', message: `the append to ${streamName} succeeded but its position cannot be read` })
        : TE.right({ nextExpectedRevision: revision, position: event.position }),
    ),
  );

/**
 * Appends all events or none: the whole batch goes to the server in one request, which
 * EventStoreDB writes atomically. Event ids are the writer's, so a retry after an ambiguous
 * failure (a timeout, a dropped connection) is recognised by the server and not written twice.
 */
export const appendToStream = (
  connection: DialectClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): TE.TaskEither<StoreError, AppendResult> =>
  pipe(
    TE.tryCatch(
      () => send(connection, streamName, events.map(toClientEvent), expected),
      (error) => appendErrorOf(streamName, expected, error),
    ),
    TE.chain((result): TE.TaskEither<StoreError, AppendResult> => {
      if (!result.success) {
        // Only with `throwOnAppendFailure=false`: the refusal comes back as a result.
        const actual = result.nextExpectedRevision < 0n ? 'NO_STREAM' : result.nextExpectedRevision;
        return TE.left({ kind: 'WrongExpectedRevision', streamName, expected, actual });
      }
      if (events.length === 0) return resultOfEmptyAppend(connection, streamName);
      if (result.position === undefined) return resultAtRevision(connection, streamName, result.nextExpectedRevision);
      return TE.right({ nextExpectedRevision: result.nextExpectedRevision, position: result.position });
    }),
  );
