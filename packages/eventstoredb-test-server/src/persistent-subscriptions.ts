import { type handleBidiStreamingCall, type handleUnaryCall, type ServerDuplexStream, type ServiceError, type UntypedServiceImplementation } from '@grpc/grpc-js';
import {
  CreateReq,
  CreateResp,
  DeleteReq,
  DeleteResp,
  GetInfoReq,
  GetInfoResp,
  ReadReq,
  ReadResp,
  ReplayParkedReq,
  ReplayParkedResp,
  UpdateReq,
  UpdateResp,
} from '@eventstore/db-client/generated/persistent_pb';
import { compareLogPositions, type EventLog } from './event-log';
import { createPersistentGroup, type GroupSettings, type NackAction, type PersistentGroup } from './persistent-group';
import {
  ALL_STREAM,
  groupDropped,
  groupExists,
  groupFailed,
  groupNotFound,
  invalidArgument,
  maximumSubscribersReached,
  persistentConfirmation,
  persistentEventResponse,
  persistentFilterOf,
  subscriptionInfoResponse,
} from './persistent-wire';
import { uuidText } from './wire';

/**
 * The PersistentSubscriptions service for groups on `$all` (EventStoreDB 21.10 and later):
 * Create, Update, Delete, GetInfo, Read (the two-way stream of events, acks and nacks) and
 * ReplayParked. Groups on a single stream, List and RestartSubsystem are answered UNIMPLEMENTED
 * or refused; parked events are listed by reading the parked stream, as clients do.
 */
export type PersistentSubscriptionsHandlers = Readonly<{
  create: handleUnaryCall<CreateReq, CreateResp>;
  update: handleUnaryCall<UpdateReq, UpdateResp>;
  delete: handleUnaryCall<DeleteReq, DeleteResp>;
  getInfo: handleUnaryCall<GetInfoReq, GetInfoResp>;
  read: handleBidiStreamingCall<ReadReq, ReadResp>;
  replayParked: handleUnaryCall<ReplayParkedReq, ReplayParkedResp>;
}> &
  UntypedServiceImplementation;

const ONLY_ALL = 'the test server serves persistent subscriptions to $all only';

/** The server's consumer strategies, by the number the client sends; only round robin is served. */
const ROUND_ROBIN = CreateReq.ConsumerStrategy.ROUNDROBIN;

export const persistentSubscriptionsHandlers = (log: EventLog): PersistentSubscriptionsHandlers => {
  const groups = new Map<string, PersistentGroup>();

  const settingsOf = (settings: CreateReq.Settings | UpdateReq.Settings, matches: GroupSettings['matches']): GroupSettings | string => {
    if (settings.getNamedConsumerStrategy() !== ROUND_ROBIN) return 'the test server serves the RoundRobin consumer strategy only';
    const messageTimeoutMs = settings.hasMessageTimeoutMs() ? settings.getMessageTimeoutMs() : Number(BigInt(settings.getMessageTimeoutTicks()) / 10_000n);
    if (settings.getMaxRetryCount() < 0) return 'MaxRetryCount must not be negative';
    if (settings.getReadBatchSize() >= settings.getHistoryBufferSize()) return 'ReadBatchSize may not be greater than or equal to BufferSize';
    return {
      matches,
      maxRetryCount: settings.getMaxRetryCount(),
      // 0 means no timeout on the server.
      messageTimeoutMs: messageTimeoutMs > 0 ? messageTimeoutMs : 2 ** 31 - 1,
      maxSubscriberCount: settings.getMaxSubscriberCount(),
    };
  };

  /** Where a new group starts in the log: at the first event, after the last one, or at a position (inclusive). */
  const startIndexOf = (options: CreateReq.AllOptions | UpdateReq.AllOptions): number => {
    const all = log.all();
    if (options.hasEnd()) return all.length;
    const position = options.getPosition();
    if (position === undefined) return 0;
    const from = { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
    const index = all.findIndex((event) => compareLogPositions(event.position, from) >= 0);
    return index < 0 ? all.length : index;
  };

  const create: handleUnaryCall<CreateReq, CreateResp> = (call, respond) => {
    const options = call.request.getOptions();
    const allOptions = options?.getAll();
    const settings = options?.getSettings();
    if (options === undefined || allOptions === undefined || settings === undefined) {
      respond(invalidArgument(ONLY_ALL), null);
      return;
    }
    const group = options.getGroupName();
    if (groups.has(group)) {
      respond(groupExists(group), null);
      return;
    }
    const valid = settingsOf(settings, persistentFilterOf(allOptions));
    if (typeof valid === 'string') {
      respond(groupFailed(group, valid), null);
      return;
    }
    groups.set(group, createPersistentGroup(log, group, valid, startIndexOf(allOptions)));
    respond(null, new CreateResp());
  };

  // Update keeps the group's filter and place: only its settings change, and its consumers are dropped.
  const update: handleUnaryCall<UpdateReq, UpdateResp> = (call, respond) => {
    const options = call.request.getOptions();
    const settings = options?.getSettings();
    if (options === undefined || !options.hasAll() || settings === undefined) {
      respond(invalidArgument(ONLY_ALL), null);
      return;
    }
    const group = groups.get(options.getGroupName());
    if (group === undefined) {
      respond(groupNotFound(options.getGroupName()), null);
      return;
    }
    const valid = settingsOf(settings, group.settings().matches);
    if (typeof valid === 'string') {
      respond(groupFailed(options.getGroupName(), valid), null);
      return;
    }
    group.update(valid);
    respond(null, new UpdateResp());
  };

  /** The existing `$all` group a request names, or the error the server answers instead. */
  const namedGroup = (
    options: Readonly<{ hasAll: () => boolean; getGroupName: () => string }> | undefined,
  ): Readonly<{ error: ServiceError }> | Readonly<{ name: string; group: PersistentGroup }> => {
    if (options === undefined || !options.hasAll()) return { error: invalidArgument(ONLY_ALL) };
    const name = options.getGroupName();
    const group = groups.get(name);
    return group === undefined ? { error: groupNotFound(name) } : { name, group };
  };

  const remove: handleUnaryCall<DeleteReq, DeleteResp> = (call, respond) => {
    const named = namedGroup(call.request.getOptions());
    if ('error' in named) {
      respond(named.error, null);
      return;
    }
    const { name, group } = named;
    groups.delete(name);
    group.delete();
    respond(null, new DeleteResp());
  };

  const getInfo: handleUnaryCall<GetInfoReq, GetInfoResp> = (call, respond) => {
    const named = namedGroup(call.request.getOptions());
    if ('error' in named) {
      respond(named.error, null);
      return;
    }
    respond(null, subscriptionInfoResponse(named.name, named.group.settings(), named.group.connections()));
  };

  const replayParked: handleUnaryCall<ReplayParkedReq, ReplayParkedResp> = (call, respond) => {
    const options = call.request.getOptions();
    const named = namedGroup(options);
    if ('error' in named) {
      respond(named.error, null);
      return;
    }
    named.group.replayParked(options?.hasStopAt() === true ? BigInt(options.getStopAt()) : undefined);
    respond(null, new ReplayParkedResp());
  };

  const read: handleBidiStreamingCall<ReadReq, ReadResp> = (call) => {
    let joined: Readonly<{ group: PersistentGroup; consumerId: number }> | undefined;
    let ended = false;
    const leave = (): void => {
      if (joined !== undefined) joined.group.disconnect(joined.consumerId);
      joined = undefined;
    };
    const fail = (error: ReturnType<typeof groupNotFound>): void => {
      if (ended) return;
      ended = true;
      leave();
      call.emit('error', error);
    };
    call.on('data', (request: ReadReq) => {
      if (joined === undefined) {
        if (!ended) join(call, request, (value) => (joined = value), fail);
        return;
      }
      const ack = request.getAck();
      if (ack !== undefined) joined.group.ack(ack.getIdsList().map(uuidText));
      const nack = request.getNack();
      if (nack !== undefined) joined.group.nack(nack.getIdsList().map(uuidText), nackActionOf(nack.getAction()), nack.getReason());
    });
    call.on('cancelled', () => {
      ended = true;
      leave();
    });
    call.on('error', leave);
    // The client half-closed, after everything it sent (grpc-js reads in order, so every ack
    // before it was handled): it can settle nothing more, so it leaves and its call ends. A
    // real server keeps the call until the client cancels it; ending it lets a client that
    // waits for the end (as the adapter does, within a bound) leave without cancelling, since
    // grpc-js as a server drops what it had not yet read when a cancellation arrives.
    call.on('end', () => {
      leave();
      if (ended) return;
      ended = true;
      call.end();
    });
  };

  const join = (
    call: ServerDuplexStream<ReadReq, ReadResp>,
    request: ReadReq,
    joined: (value: Readonly<{ group: PersistentGroup; consumerId: number }>) => void,
    fail: (error: ReturnType<typeof groupNotFound>) => void,
  ): void => {
    const options = request.getOptions();
    if (options === undefined || !options.hasAll()) {
      fail(invalidArgument(ONLY_ALL));
      return;
    }
    const name = options.getGroupName();
    const group = groups.get(name);
    if (group === undefined) {
      fail(groupNotFound(name));
      return;
    }
    if (group.isFull()) {
      fail(maximumSubscribersReached(name));
      return;
    }
    const encoding = { structuredUuids: options.getUuidOption()?.hasStructured() ?? false };
    // The confirmation goes first: the group may deliver as soon as the consumer is connected.
    call.write(persistentConfirmation(`${ALL_STREAM}::${name}`));
    joined({
      group,
      consumerId: group.connect(
        {
          deliver: (event, retryCount) => call.write(persistentEventResponse(event, retryCount, encoding)),
          drop: (reason) => fail(reason === 'deleted' ? groupNotFound(name) : groupDropped(name)),
        },
        options.getBufferSize(),
      ),
    });
  };

  return { create, update, delete: remove, getInfo, read, replayParked };
};

const nackActionOf = (action: ReadReq.Nack.Action): NackAction => {
  switch (action) {
    case ReadReq.Nack.Action.PARK:
      return 'park';
    case ReadReq.Nack.Action.SKIP:
      return 'skip';
    case ReadReq.Nack.Action.STOP:
      return 'stop';
    default:
      // RETRY, and UNKNOWN, which the server treats as a retry.
      return 'retry';
  }
};

/** For ServerFeatures: what a client checks before it calls a persistent subscription method on `$all`. */
export const PERSISTENT_SUBSCRIPTION_METHODS = ['Create', 'Update', 'Delete', 'GetInfo', 'Read', 'ReplayParked'] as const;
