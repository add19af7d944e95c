import type { handleBidiStreamingCall } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, MaximumAppendSizeExceeded, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EventLog, ExpectedState, ProposedEvent } from './event-log';
import { appendSizeOf, expectedStateOf, proposedEventOf } from './proposed-events';
import { streamNameOf, uuidText } from './wire';

type PendingAppend = { options: BatchAppendReq.Options; events: ProposedEvent[]; size: number; answered: boolean };

/**
 * Streams.BatchAppend, which clients prefer when ServerFeatures lists it (EventStoreDB 21.10
 * and later): one long-lived bidirectional call carrying many appends, each a run of requests
 * sharing a correlation id, the first with the options, the last marked final. Each append is
 * answered exactly once, by correlation id; refusals travel as a google.rpc.Status whose
 * details pack the typed reason, as the server sends them.
 */
export const batchAppendHandler =
  (log: EventLog, maxAppendSize: number): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> =>
  (call) => {
    const pending = new Map<string, PendingAppend>();

    call.on('data', (request: BatchAppendReq) => {
      const correlationId = uuidText(request.getCorrelationId());
      const options = request.getOptions();
      const append = pending.get(correlationId) ?? (options === undefined ? undefined : { options, events: [], size: 0, answered: false });
      if (append === undefined) return;
      pending.set(correlationId, append);
      const respond = (response: BatchAppendResp): void => {
        append.answered = true;
        call.write(response.setCorrelationId(request.getCorrelationId()).setStreamIdentifier(append.options.getStreamIdentifier()));
      };

      for (const message of request.getProposedMessagesList()) {
        if (append.answered) break;
        const event = proposedEventOf(message);
        if (event === undefined) {
          respond(failure(Code.INVALID_ARGUMENT, 'a proposed message needs the "type" and "content-type" metadata'));
          break;
        }
        append.size += appendSizeOf(event);
        if (append.size > maxAppendSize) {
          const details = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
          respond(failure(Code.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, details, 'MaximumAppendSizeExceeded'));
          break;
        }
        append.events.push(event);
      }

      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      if (append.answered) return;
      const expected = expectedStateOf(append.options, append.options.hasStreamPosition() ? append.options.getStreamPosition() : undefined);
      if (expected === undefined) {
        respond(failure(Code.INVALID_ARGUMENT, 'the append options carry no expected stream revision'));
        return;
      }
      respond(responseOf(log.append(streamNameOf(append.options.getStreamIdentifier()), expected, append.events), expected));
    });
    call.on('end', () => call.end());
  };

const failure = (
  code: Code,
  message: string,
  details?: MaximumAppendSizeExceeded | WrongExpectedVersion,
  typeName?: string,
): BatchAppendResp => {
  const status = new Status().setCode(code).setMessage(message);
  if (details !== undefined && typeName !== undefined) {
    const packed = new Any();
    packed.pack(details.serializeBinary(), `event_store.client.${typeName}`);
    status.setDetails(packed);
  }
  return new BatchAppendResp().setError(status);
};

const responseOf = (outcome: AppendOutcome, expected: ExpectedState): BatchAppendResp => {
  if (outcome.kind === 'success') {
    const success = new BatchAppendResp.Success();
    if (outcome.currentRevision === 'noStream') success.setNoStream(new ProtobufEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString(10));
    if (outcome.position === 'noPosition') success.setNoPosition(new ProtobufEmpty());
    else
      success.setPosition(
        new AllStreamPosition()
          .setCommitPosition(outcome.position.commit.toString(10))
          .setPreparePosition(outcome.position.prepare.toString(10)),
      );
    return new BatchAppendResp().setSuccess(success);
  }
  const details = new WrongExpectedVersion();
  if (outcome.currentRevision === 'noStream') details.setCurrentNoStream(new ProtobufEmpty());
  else details.setCurrentStreamRevision(outcome.currentRevision.toString(10));
  switch (expected.kind) {
    case 'any':
      details.setExpectedAny(new ProtobufEmpty());
      break;
    case 'noStream':
      details.setExpectedNoStream(new ProtobufEmpty());
      break;
    case 'streamExists':
      details.setExpectedStreamExists(new ProtobufEmpty());
      break;
    case 'revision':
      details.setExpectedStreamPosition(expected.revision.toString(10));
      break;
  }
  return failure(Code.FAILED_PRECONDITION, 'Wrong expected version.', details, 'WrongExpectedVersion');
};
