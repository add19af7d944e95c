import { Metadata, status, type handleClientStreamingCall, type ServerErrorResponse } from '@grpc/grpc-js';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './event-log';
import { appendSizeOf, expectedStateOf, proposedEventOf } from './proposed-events';
import { empty, streamNameOf } from './wire';

/**
 * Streams.Append: a client stream of one `options` message then the proposed events, answered
 * once. Like EventStoreDB 21+, a concurrency conflict is a normal reply carrying
 * `wrong_expected_version` (not a gRPC error), and exceeding the maximum append size is an
 * INVALID_ARGUMENT error whose trailers name the `maximum-append-size-exceeded` exception.
 * Nothing is written unless the whole request has arrived and passed every check.
 */
export const appendHandler =
  (log: EventLog, maxAppendSize: number): handleClientStreamingCall<AppendReq, AppendResp> =>
  (call, respond) => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    let answered = false;

    const fail = (error: ServerErrorResponse): void => {
      if (answered) return;
      answered = true;
      respond(error);
    };

    call.on('data', (request: AppendReq) => {
      if (answered) return;
      const requestOptions = request.getOptions();
      if (requestOptions !== undefined) {
        options = requestOptions;
        return;
      }
      const message = request.getProposedMessage();
      if (message === undefined || options === undefined) {
        fail(invalidArgument('an append must start with its options, then carry proposed messages'));
        return;
      }
      const event = proposedEventOf(message);
      if (event === undefined) {
        fail(invalidArgument('a proposed message needs the "type" and "content-type" metadata'));
        return;
      }
      size += appendSizeOf(event);
      if (size > maxAppendSize) {
        fail(maxAppendSizeExceeded(maxAppendSize));
        return;
      }
      proposed.push(event);
    });

    call.on('end', () => {
      if (answered) return;
      if (options === undefined) {
        fail(invalidArgument('an append must start with its options'));
        return;
      }
      const expected = expectedStateOf(options, options.hasRevision() ? options.getRevision() : undefined);
      if (expected === undefined) {
        fail(invalidArgument('the append options carry no expected stream revision'));
        return;
      }
      answered = true;
      respond(null, appendResponse(log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed), expected));
    });
  };

const appendResponse = (outcome: AppendOutcome, expected: ExpectedState): AppendResp => {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === 'noStream') success.setNoStream(empty());
    else success.setCurrentRevision(outcome.currentRevision.toString(10));
    if (outcome.position === 'noPosition') success.setNoPosition(empty());
    else
      success.setPosition(
        new AppendResp.Position()
          .setCommitPosition(outcome.position.commit.toString(10))
          .setPreparePosition(outcome.position.prepare.toString(10)),
      );
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === 'noStream') wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString(10));
  switch (expected.kind) {
    case 'any':
      wrong.setExpectedAny(empty());
      break;
    case 'noStream':
      wrong.setExpectedNoStream(empty());
      break;
    case 'streamExists':
      wrong.setExpectedStreamExists(empty());
      break;
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString(10));
      break;
  }
  return new AppendResp().setWrongExpectedVersion(wrong);
};

export const serverError = (code: status, details: string, metadata = new Metadata()): ServerErrorResponse =>
  Object.assign(new Error(details), { code, details, metadata });

const invalidArgument = (details: string): ServerErrorResponse => serverError(status.INVALID_ARGUMENT, details);

const maxAppendSizeExceeded = (maxAppendSize: number): ServerErrorResponse => {
  const metadata = new Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  return serverError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, metadata);
};
