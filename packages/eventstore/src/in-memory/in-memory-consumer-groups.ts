import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import type { ConsumerGroupSettings, ConsumerGroups, GroupDelivery, ParkedEvent } from '../consumer-group-port';
import {
  deletedGroupError,
  messageTimeoutReason,
  missingGroupError,
  validBufferSize,
  validGroupName,
  validGroupSettings,
} from '../consumer-group-settings';
import { pulledGroupConsumer, type Pulled } from '../group-consumer';
import type { EventStore, Position, RecordedEvent, StoreError, SubscriptionMessage } from '../port';

type Pending = Readonly<{ event: RecordedEvent; retryCount: number }>;

/** One consumer of a group: how much it may hold, and its pull waiting for an event. */
type Slot = { bufferSize: number; held: number; answer: ((pulled: Pulled) => void) | undefined };

type Lease = Pending & Readonly<{ slot: Slot; timer: NodeJS.Timeout }>;

type Group = {
  readonly name: string;
  readonly settings: ConsumerGroupSettings;
  readonly after: Position | 'start';
  /** The group's own subscription: the events not yet taken, in order, pulled one by one on demand. */
  source: AsyncIterator<SubscriptionMessage> | undefined;
  closeSource: () => Promise<void>;
  pumping: boolean;
  /** Set when the group can deliver nothing more: deleted, or its subscription ended with the store. */
  ended: Pulled | undefined;
  readonly fresh: RecordedEvent[];
  readonly retries: Pending[];
  readonly leases: Map<string, Lease>;
  parked: ParkedEvent[];
  /** Consumers with a pull waiting, first come first served. */
  readonly waiting: Slot[];
};

/**
 * Consumer groups over any `EventStore`, their bookkeeping held in this process's memory: the
 * in-memory store's companion, for tests and the demo. Each group follows the log through one
 * subscription of its own, read only as fast as its consumers take events. Nothing survives
 * the process, as nothing of the in-memory store does.
 */
export const createInMemoryConsumerGroups = (store: EventStore): ConsumerGroups => {
  const groups = new Map<string, Group>();

  /** The store's own refusal once closed: a read of nothing checks only that. */
  const whenStoreOpen = <A>(task: () => Promise<E.Either<StoreError, A>>): TE.TaskEither<StoreError, A> => async () => {
    const open = await store.readAll({ maxCount: 0 })();
    return E.isLeft(open) ? open : task();
  };

  const existing = (name: string): E.Either<StoreError, Group> => {
    const group = groups.get(name);
    return group === undefined ? E.left(missingGroupError(name)) : E.right(group);
  };

  const end = (group: Group, pulled: Pulled): void => {
    group.ended ??= pulled;
    for (const lease of group.leases.values()) clearTimeout(lease.timer);
    for (const slot of group.waiting.splice(0)) answer(slot, pulled);
    void group.closeSource();
  };

  const answer = (slot: Slot, pulled: Pulled): void => {
    const settle = slot.answer;
    slot.answer = undefined;
    settle?.(pulled);
  };

  const pump = (group: Group): void => {
    if (group.pumping || group.ended !== undefined) return;
    if (group.source === undefined) {
      const subscription = store.subscribeToAll({ after: group.after, filter: group.settings.filter });
      group.source = subscription[Symbol.asyncIterator]();
      group.closeSource = () => subscription.close();
    }
    group.pumping = true;
    void group.source.next().then((result) => {
      group.pumping = false;
      if (group.ended !== undefined) return;
      if (result.done === true) end(group, 'end');
      else if (result.value.kind === 'dropped') end(group, result.value);
      else {
        if (result.value.kind === 'event') group.fresh.push(result.value.event);
        dispatch(group);
      }
    });
  };

  const dispatch = (group: Group): void => {
    for (;;) {
      const index = group.waiting.findIndex((slot) => slot.held < slot.bufferSize);
      if (index < 0) return;
      const fresh = group.retries.length === 0 ? group.fresh.shift() : undefined;
      const next = group.retries.shift() ?? (fresh === undefined ? undefined : { event: fresh, retryCount: 0 });
      if (next === undefined) {
        pump(group);
        return;
      }
      const [slot] = group.waiting.splice(index, 1);
      if (slot !== undefined) answer(slot, deliver(group, slot, next));
    }
  };

  const deliver = (group: Group, slot: Slot, pending: Pending): GroupDelivery => {
    slot.held += 1;
    const timer = setTimeout(() => {
      if (settle(group, lease)) fail(group, pending, 'retry', messageTimeoutReason(group.settings.messageTimeoutMs));
    }, group.settings.messageTimeoutMs);
    // A group left with events in flight must not keep the process alive.
    timer.unref();
    const lease: Lease = { ...pending, slot, timer };
    group.leases.set(pending.event.eventId, lease);
    return {
      kind: 'event',
      event: pending.event,
      retryCount: pending.retryCount,
      ack: async () => {
        if (settle(group, lease)) dispatch(group);
      },
      nack: async (action, reason) => {
        if (settle(group, lease)) fail(group, pending, action, reason);
      },
    };
  };

  /** Ends the lease if it is still the event's current one; false for a late or repeated settlement. */
  const settle = (group: Group, lease: Lease): boolean => {
    if (group.leases.get(lease.event.eventId) !== lease) return false;
    group.leases.delete(lease.event.eventId);
    clearTimeout(lease.timer);
    lease.slot.held -= 1;
    return true;
  };

  const fail = (group: Group, pending: Pending, action: 'retry' | 'park', reason: string): void => {
    if (action === 'park' || pending.retryCount >= group.settings.maxRetryCount) group.parked.push({ event: pending.event, reason });
    else group.retries.push({ event: pending.event, retryCount: pending.retryCount + 1 });
    dispatch(group);
  };

  /** Where a group created now starts: `end` is after the last event it would receive. */
  const startingPoint = async (settings: ConsumerGroupSettings): Promise<E.Either<StoreError, Position | 'start'>> => {
    if (settings.startFrom === 'start') return E.right('start');
    const history = await store.readAll({ filter: settings.filter })();
    return E.map((events: readonly RecordedEvent[]) => events.at(-1)?.position ?? 'start')(history);
  };

  const newGroup = (name: string, settings: ConsumerGroupSettings, after: Position | 'start'): Group => ({
    name,
    settings,
    after,
    source: undefined,
    closeSource: async () => undefined,
    pumping: false,
    ended: undefined,
    fresh: [],
    retries: [],
    leases: new Map(),
    parked: [],
    waiting: [],
  });

  const join: ConsumerGroups['join'] = (name, options) => {
    const slot: Slot = { bufferSize: 0, held: 0, answer: undefined };
    let group: Group | undefined;

    const firstPull = async (): Promise<E.Either<StoreError, Group>> => {
      const open = await store.readAll({ maxCount: 0 })();
      if (E.isLeft(open)) return open;
      const bufferSize = validBufferSize(options);
      if (E.isLeft(bufferSize)) return bufferSize;
      slot.bufferSize = bufferSize.right;
      return existing(name);
    };

    const pull = async (): Promise<Pulled> => {
      if (group === undefined) {
        const found = await firstPull();
        if (E.isLeft(found)) return { kind: 'dropped', error: found.left };
        group = found.right;
      }
      const joined = group;
      if (joined.ended !== undefined) return joined.ended;
      return new Promise<Pulled>((resolve) => {
        slot.answer = resolve;
        joined.waiting.push(slot);
        dispatch(joined);
      });
    };

    const leave = async (): Promise<void> => {
      if (group !== undefined) {
        const index = group.waiting.indexOf(slot);
        if (index >= 0) group.waiting.splice(index, 1);
      }
      answer(slot, 'end');
    };

    return pulledGroupConsumer(pull, leave);
  };

  return {
    create: (name, settings) =>
      whenStoreOpen(async () => {
        const valid = validGroupSettings(name, settings);
        if (E.isLeft(valid)) return valid;
        if (groups.has(name)) return E.right('exists' as const);
        const after = await startingPoint(valid.right);
        if (E.isLeft(after)) return after;
        // Another create of the same name may have finished while the history was read.
        if (groups.has(name)) return E.right('exists' as const);
        groups.set(name, newGroup(name, valid.right, after.right));
        return E.right('created' as const);
      }),

    join,

    parked: (name) => whenStoreOpen(async () => E.map((group: Group) => [...group.parked])(existing(name))),

    replayParked: (name) =>
      whenStoreOpen(async () =>
        E.map((group: Group) => {
          const replayed = group.parked;
          group.parked = [];
          for (const { event } of replayed) group.retries.push({ event, retryCount: 0 });
          dispatch(group);
          return replayed.length;
        })(existing(name)),
      ),

    delete: (name) =>
      whenStoreOpen(async () => {
        const checked = validGroupName(name);
        if (E.isLeft(checked)) return checked;
        return E.map((group: Group) => {
          groups.delete(name);
          end(group, { kind: 'dropped', error: deletedGroupError(name) });
        })(existing(name));
      }),
  };
};
