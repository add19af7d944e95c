import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import {
  validSubscribeOptions,
  type ConsumerGroupSettings,
  type ConsumerGroups,
  type EventFilter,
  type EventStore,
  type GroupConsumer,
  type JoinOptions,
  type ParkedEvent,
  type StoreError,
} from '@ssp/eventstore';
import { isStreamNotFound } from './client-errors';
import type { ClientFilter } from './client-shape';
import type { ClientGroupSettings, ClientLinkedEvent, ConsumerGroupClient } from './consumer-group-client';
import { groupErrorOf, isGroupExists } from './consumer-group-errors';
import { readWithin, validDeadline, within } from './deadlines';
import { fromClientEvent, isJsonObject } from './event-mapping';
import { deferredConsumer, droppedConsumer, joinGroup } from './group-consumer';

export type ConsumerGroupsOptions = Readonly<{
  /** How long any one call may take before it answers `Unavailable`, in milliseconds; 10 000 by default. */
  deadlineMs?: number;
  /**
   * The event store built on the same client, when there is one: once it is closed (which
   * disposes the client), every call answers its closed refusal instead of a client error.
   */
  store?: EventStore;
}>;

/** What EventStoreDB writes before the reason a consumer gave when it parked an event. */
const CLIENT_PARK_PREFIX = "Client explicitly NAK'ed message.\n";

/** For parked events whose link carries no reason, as servers before the parked-message metadata write them. */
export const NO_PARK_REASON = 'EventStoreDB keeps no reason for this parked event';

/** EventStoreDB holds timeouts and counts as 32-bit signed integers. */
const LARGEST_INT32 = 2 ** 31 - 1;

export const parkedStreamOf = (group: string): string => `$persistentsubscription-$all::${group}-parked`;

const refused = (message: string): StoreError => ({ kind: 'Failure', message });

const validGroup = (group: string): E.Either<StoreError, string> =>
  typeof group === 'string' && group.trim() !== '' ? E.right(group) : E.left(refused(`group must be a non-empty name, got ${JSON.stringify(group)}`));

const validCount = (field: string, value: number, least: number): E.Either<StoreError, number> =>
  Number.isSafeInteger(value) && value >= least && value <= LARGEST_INT32
    ? E.right(value)
    : E.left(refused(`${field} must be a whole number from ${least} to ${LARGEST_INT32}, got ${String(value)}`));

const validSettings = (settings: ConsumerGroupSettings): E.Either<StoreError, ConsumerGroupSettings> => {
  if (settings.startFrom !== 'start' && settings.startFrom !== 'end') {
    return E.left(refused(`startFrom must be "start" or "end", got ${JSON.stringify(settings.startFrom)}`));
  }
  const checks = [
    validCount('maxRetryCount', settings.maxRetryCount, 0),
    validCount('messageTimeoutMs', settings.messageTimeoutMs, 1),
    E.map(() => 0)(validSubscribeOptions({ filter: settings.filter })),
  ];
  const refusal = checks.find(E.isLeft);
  return refusal === undefined ? E.right(settings) : refusal;
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The group's filter, exact on the server (a regex, not prefixes: a group's consumers cannot be
 * told its filter), so that only what the port's filter matches reaches the consumers. No
 * filter leaves out the server's `$` event types.
 */
export const groupFilterOf = (filter: EventFilter | undefined): ClientFilter => {
  if (filter === undefined) return { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 };
  const names = filter.kind === 'streamCategory' ? filter.categories : filter.types;
  if (names.length === 0) return { filterOn: 'streamName', regex: '^$', checkpointInterval: 1 };
  const alternatives = names.map(escapeRegex).join('|');
  return filter.kind === 'streamCategory'
    ? { filterOn: 'streamName', regex: `^(?:${alternatives})-`, checkpointInterval: 1 }
    : { filterOn: 'eventType', regex: `^(?:${alternatives})$`, checkpointInterval: 1 };
};

/** The server's defaults, but for what the port sets; round robin among consumers. */
const clientSettingsOf = (settings: ConsumerGroupSettings): ClientGroupSettings => ({
  startFrom: settings.startFrom,
  resolveLinkTos: false,
  extraStatistics: false,
  messageTimeout: settings.messageTimeoutMs,
  maxRetryCount: settings.maxRetryCount,
  checkPointAfter: 2_000,
  checkPointLowerBound: 10,
  checkPointUpperBound: 1_000,
  maxSubscriberCount: 0,
  liveBufferSize: 500,
  readBatchSize: 20,
  historyBufferSize: 500,
  consumerStrategyName: 'RoundRobin',
});

const reasonOf = (link: ClientLinkedEvent['link']): string => {
  const reason = link !== undefined && isJsonObject(link.metadata) ? link.metadata['Reason'] : undefined;
  if (typeof reason !== 'string') return NO_PARK_REASON;
  return reason.startsWith(CLIENT_PARK_PREFIX) ? reason.slice(CLIENT_PARK_PREFIX.length) : reason;
};

/**
 * `ConsumerGroups` on EventStoreDB's persistent subscriptions to `$all` (21.10.1 or later). The
 * parked events are read from the group's parked stream, whose links the server resolves; the
 * reason is the one the server keeps in each link's metadata, without the server's own prefix.
 * Every call answers within the deadline, as the event store's do.
 *
 * A consumer whose connection drops (the server restarts, the network fails, the group is
 * deleted or updated) ends with `dropped` and does not come back by itself: the caller joins
 * again, as the notifications worker does. Whatever it held unsettled is delivered again.
 */
export const createEventStoreDbConsumerGroups = (client: ConsumerGroupClient, options: ConsumerGroupsOptions = {}): ConsumerGroups => {
  const deadline = validDeadline(options.deadlineMs);
  const deadlineMs = E.isRight(deadline) ? deadline.right : 0;
  // A read of nothing asks the store only whether it is open; the server is not called.
  const storeOpen = async (): Promise<E.Either<StoreError, unknown>> => (options.store === undefined ? E.right(undefined) : options.store.readAll({ maxCount: 0 })());
  const checked =
    <A>(group: string, call: (group: string) => Promise<E.Either<StoreError, A>>): TaskEither<StoreError, A> =>
    async () => {
      if (E.isLeft(deadline)) return E.left(refused(deadline.left));
      const open = await storeOpen();
      if (E.isLeft(open)) return open;
      const valid = validGroup(group);
      return E.isLeft(valid) ? valid : call(valid.right).catch((error: unknown) => E.left(groupErrorOf(group, error)));
    };

  const readParked = async (group: string): Promise<E.Either<StoreError, readonly ParkedEvent[]>> => {
    const parked: ParkedEvent[] = [];
    const read = client.readStream(parkedStreamOf(group), { fromRevision: 'start', direction: 'forwards', resolveLinkTos: true, maxCount: Number.MAX_SAFE_INTEGER });
    try {
      for await (const resolved of readWithin(deadlineMs, `readStream ${parkedStreamOf(group)}`, read)) {
        // A link whose event is gone (deleted, scavenged) is not replayed by the server either.
        const decoded = resolved.event === undefined ? undefined : fromClientEvent(resolved.event);
        if (decoded !== undefined && E.isRight(decoded)) parked.push({ event: decoded.right, reason: reasonOf(resolved.link) });
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return E.right(parked);
  };

  /** The parked stream of a missing group reads empty: the group is asked for first, so that `parked` names it. */
  const parkedOfExisting = async (group: string): Promise<E.Either<StoreError, readonly ParkedEvent[]>> => {
    await within(deadlineMs, `getPersistentSubscriptionToAllInfo ${group}`, client.getPersistentSubscriptionToAllInfo(group));
    return readParked(group);
  };

  const joinChecked = (group: string, joinOptions: JoinOptions): GroupConsumer => {
    const valid = validGroup(group);
    if (E.isLeft(valid)) return droppedConsumer(valid.left);
    const bufferSize = validCount('bufferSize', joinOptions.bufferSize ?? 10, 1);
    if (E.isLeft(bufferSize)) return droppedConsumer(bufferSize.left);
    return joinGroup(client, valid.right, bufferSize.right, deadlineMs);
  };

  return {
    create: (group, settings) =>
      checked(group, async (name) => {
        const valid = validSettings(settings);
        if (E.isLeft(valid)) return valid;
        const created = client.createPersistentSubscriptionToAll(name, clientSettingsOf(valid.right), { filter: groupFilterOf(valid.right.filter) });
        return within(deadlineMs, `createPersistentSubscriptionToAll ${name}`, created).then(
          () => E.right('created' as const),
          (error: unknown) => (isGroupExists(error) ? E.right('exists' as const) : E.left(groupErrorOf(name, error))),
        );
      }),
    join: (group, joinOptions = {}) => {
      if (E.isLeft(deadline)) return droppedConsumer(refused(deadline.left));
      if (options.store !== undefined) return deferredConsumer(storeOpen().then((open) => (E.isLeft(open) ? droppedConsumer(open.left) : joinChecked(group, joinOptions))));
      return joinChecked(group, joinOptions);
    },
    parked: (group) => checked(group, parkedOfExisting),
    replayParked: (group) =>
      checked(group, async (name) => {
        // The server does not say how many it replays: those parked now are what it will replay.
        const parked = await parkedOfExisting(name);
        if (E.isLeft(parked)) return parked;
        await within(deadlineMs, `replayParkedMessagesToAll ${name}`, client.replayParkedMessagesToAll(name));
        return E.right(parked.right.length);
      }),
    delete: (group) =>
      checked(group, async (name) => {
        await within(deadlineMs, `deletePersistentSubscriptionToAll ${name}`, client.deletePersistentSubscriptionToAll(name));
        return E.right(undefined);
      }),
  };
};
