import * as E from 'fp-ts/Either';
import type { ConsumerGroups, ConsumerGroupSettings, EventStore, GroupConsumer, GroupDelivery, StoreError } from '@ssp/eventstore';
import { noticeEventTypes } from '../notices/notices-for';
import { reactTo, type ReactDependencies } from '../react-to';
import type { NotificationSender } from '../sender/port';
import { settlementOf, type Settlement } from './settlement';

export type NotificationWorkerOptions = Readonly<{
  store: EventStore;
  groups: ConsumerGroups;
  /** The consumer group every worker of this deployment joins; the group shares the events among them. */
  group: string;
  sender: NotificationSender;
  now?: ReactDependencies['now'];
  newId?: ReactDependencies['newId'];
  /**
   * Where a group created by this worker starts: `end` (the default) tells people of changes
   * made from now on, not of years of history; `start` for a store that was empty anyway.
   */
  startFrom?: ConsumerGroupSettings['startFrom'];
  /** Deliveries of one event before it is parked. Defaults to 10. */
  maxRetryCount?: number;
  /** How long a worker may hold an event before another gets it. Defaults to 30 s. */
  messageTimeoutMs?: number;
  /** Events held at once by this worker. Defaults to 10. */
  bufferSize?: number;
  /** Told of each delivery settled, for logs and tests. */
  onSettled?: (delivery: GroupDelivery, settlement: Settlement) => void;
}>;

export type NotificationWorker = Readonly<{
  /** Ends with `Right` once closed, or `Left` if the group could not be created or the consumer was dropped. */
  done: Promise<E.Either<StoreError, void>>;
  /** Stops taking events, lets the one in hand finish, and leaves the group. */
  close: () => Promise<void>;
}>;

/** Creates the group if it is missing (many workers may start at once: `exists` is fine). */
const groupSettings = (options: NotificationWorkerOptions): ConsumerGroupSettings => ({
  startFrom: options.startFrom ?? 'end',
  // Only the types that cause notices: the rest never reach a worker.
  filter: { kind: 'eventType', types: [...noticeEventTypes] },
  maxRetryCount: options.maxRetryCount ?? 10,
  messageTimeoutMs: options.messageTimeoutMs ?? 30_000,
});

/**
 * One competing consumer of the notifications group: for each event, `reactTo`, then `ack`
 * when all its notices are recorded sent, `nack('retry')` on what time may mend, `nack('park')`
 * on what it cannot. Run as many as wanted, in one process or many.
 */
export const runNotificationWorker = (options: NotificationWorkerOptions): NotificationWorker => {
  const react = reactTo({
    store: options.store,
    sender: options.sender,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.newId === undefined ? {} : { newId: options.newId }),
  });
  let closing = false;
  let consumer: GroupConsumer | undefined;

  const settle = async (delivery: GroupDelivery): Promise<void> => {
    const settlement = settlementOf(await react(delivery.event)());
    if (settlement.action === 'ack') await delivery.ack();
    else await delivery.nack(settlement.action, settlement.reason);
    options.onSettled?.(delivery, settlement);
  };

  const run = async (): Promise<E.Either<StoreError, void>> => {
    const created = await options.groups.create(options.group, groupSettings(options))();
    if (E.isLeft(created)) return created;
    if (closing) return E.right(undefined);
    consumer = options.groups.join(options.group, options.bufferSize === undefined ? {} : { bufferSize: options.bufferSize });
    for await (const message of consumer) {
      if (message.kind === 'dropped') return closing ? E.right(undefined) : E.left(message.error);
      // Closed while this event waited: it is left unsettled, for another worker after its timeout.
      if (closing) break;
      await settle(message);
    }
    return E.right(undefined);
  };

  const done = run();
  return {
    done,
    close: async () => {
      closing = true;
      await consumer?.close();
      await done;
    },
  };
};
