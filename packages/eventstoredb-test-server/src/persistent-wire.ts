import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { CreateReq, GetInfoResp, ReadResp, SubscriptionInfo } from '@eventstore/db-client/generated/persistent_pb';
import type { StoredEvent } from './event-log';
import type { ConsumerLoad, GroupSettings } from './persistent-group';
import { predicateOf, type EventPredicate } from './read-filter';
import { eventResponse, withRecordedFields, type EncodingOptions } from './wire';

/**
 * The persistent subscriptions' own protobuf messages and errors, as EventStoreDB sends them
 * (RpcExceptions.cs): the clients recognise an error by the `exception` entry of its trailers.
 */

/** Persistent subscriptions to `$all` are named after this stream in errors and ids. */
export const ALL_STREAM = '$all';

export const persistentEventResponse = (event: StoredEvent, retryCount: number, encoding: EncodingOptions): ReadResp => {
  // The streams encoding already knows both UUID forms; the UUID message is shared.
  const recorded = withRecordedFields(new ReadResp.ReadEvent.RecordedEvent(), event, eventResponse(event, encoding).getEvent()?.getEvent()?.getId());
  const readEvent = new ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(event.position.commit.toString(10))
    .setRetryCount(retryCount);
  return new ReadResp().setEvent(readEvent);
};

export const persistentConfirmation = (subscriptionId: string): ReadResp =>
  new ReadResp().setSubscriptionConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

/**
 * GetInfo's answer: what the clients read into their info object. The settings the test server
 * does not keep (checkpoints, buffers) and the statistics it does not measure stay at zero.
 */
export const subscriptionInfoResponse = (group: string, settings: GroupSettings, connections: readonly ConsumerLoad[]): GetInfoResp =>
  new GetInfoResp().setSubscriptionInfo(
    new SubscriptionInfo()
      .setEventSource(ALL_STREAM)
      .setGroupName(group)
      .setStatus('Live')
      .setNamedConsumerStrategy('RoundRobin')
      .setMessageTimeoutMilliseconds(settings.messageTimeoutMs)
      .setMaxRetryCount(settings.maxRetryCount)
      .setMaxSubscriberCount(settings.maxSubscriberCount)
      .setTotalInFlightMessages(connections.reduce((sum, connection) => sum + connection.inFlight, 0))
      .setConnectionsList(
        connections.map((connection) =>
          new SubscriptionInfo.ConnectionInfo()
            .setAvailableSlots(connection.bufferSize - connection.inFlight)
            .setInFlightMessages(connection.inFlight),
        ),
      ),
  );

const groupError = (code: status, exception: string, details: string, group: string, reason?: string): ServiceError => {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  metadata.set('stream-name', ALL_STREAM);
  metadata.set('group-name', group);
  if (reason !== undefined) metadata.set('reason', reason);
  return Object.assign(new Error(details), { code, details, metadata });
};

export const groupExists = (group: string): ServiceError =>
  groupError(status.ALREADY_EXISTS, 'persistent-subscription-exists', `Subscription group ${group} on stream ${ALL_STREAM} exists.`, group);

export const groupNotFound = (group: string): ServiceError =>
  groupError(
    status.NOT_FOUND,
    'persistent-subscription-does-not-exist',
    `Subscription group ${group} on stream ${ALL_STREAM} does not exist.`,
    group,
  );

export const groupFailed = (group: string, reason: string): ServiceError =>
  groupError(
    status.INTERNAL,
    'persistent-subscription-failed',
    `Subscription group ${group} on stream ${ALL_STREAM} failed: '${reason}'`,
    group,
    reason,
  );

export const groupDropped = (group: string): ServiceError =>
  groupError(status.CANCELLED, 'persistent-subscription-dropped', `Subscription group ${group} on stream ${ALL_STREAM} was dropped.`, group);

export const maximumSubscribersReached = (group: string): ServiceError =>
  groupError(
    status.FAILED_PRECONDITION,
    'maximum-subscribers-reached',
    `Maximum subscriptions reached for subscription group ${group} on stream ${ALL_STREAM}.`,
    group,
  );

export const invalidArgument = (details: string): ServiceError =>
  Object.assign(new Error(details), { code: status.INVALID_ARGUMENT, details, metadata: new Metadata() });

/** The group's filter: on the stream name or the event type, by regex or by prefixes, as for `$all` subscriptions. */
export const persistentFilterOf = (options: CreateReq.AllOptions): EventPredicate => predicateOf(options.getFilter());
