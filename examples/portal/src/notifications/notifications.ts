import * as E from 'fp-ts/Either';
import type { ConsumerGroupSettings, EventStore, ConsumerGroups, StoreError } from '@ssp/eventstore';
import { addressOf, createInbox, noticeEventTypes, runNotificationWorker, type Inbox, type Notice } from '@ssp/notifications';

/** The portal's consumer group: every portal process on one store shares its events. */
export const NOTIFICATIONS_GROUP = 'portal-notifications';

export type PhoneNotice = Extract<Notice, Readonly<{ channel: 'SMS' | 'VOICE' }>>;
export type AdministratorNotice = Extract<Notice, Readonly<{ channel: 'ADMIN_INBOX' }>>;

/**
 * The security notices this process delivered, as the simulated phones and the administrators'
 * inbox show them, newest first. The inbox is the demo's sender: it lives in memory.
 */
export type PortalNotices = Readonly<{
  /** What the number of this phone received, SMS and calls, under any device id it had; nothing for a device never told. */
  toPhone: (deviceId: string) => readonly PhoneNotice[];
  /** What this administrator was told. */
  toAdministrator: (adminId: string) => readonly AdministratorNotice[];
}>;

export type PortalNotifications = Readonly<{ notices: PortalNotices; close: () => Promise<void> }>;

export type NotificationsOptions = Readonly<{
  events: EventStore;
  groups: ConsumerGroups;
  /** Where the group starts if this process creates it. Default: `start` on an empty store, else `end`. */
  startFrom?: ConsumerGroupSettings['startFrom'];
  now?: () => string;
  /** Told when the worker stops on its own (the group dropped it, the store failed). */
  onStopped?: (error: StoreError) => void;
}>;

// Both the group's creation and the worker use these, so that the two cannot disagree.
const MAX_RETRY_COUNT = 10;
const MESSAGE_TIMEOUT_MS = 30_000;

const isPhoneNotice = (notice: Notice): notice is PhoneNotice => notice.channel !== 'ADMIN_INBOX';
const isAdministratorNotice = (notice: Notice): notice is AdministratorNotice => notice.channel === 'ADMIN_INBOX';

/** Later events first; among notices of one moment, the one delivered last first. */
const newestFirst = <N extends Notice>(notices: readonly N[]): readonly N[] =>
  notices
    .map((notice, order) => ({ notice, order }))
    .sort((a, b) => (a.notice.occurredAt === b.notice.occurredAt ? b.order - a.order : a.notice.occurredAt < b.notice.occurredAt ? 1 : -1))
    .map(({ notice }) => notice);

export const noticesOf = (inbox: Inbox): PortalNotices => ({
  toPhone: (deviceId) => {
    const toPhones = inbox.delivered().filter(isPhoneNotice);
    // A phone is its number: a number removed and enrolled again under a new id still holds its messages.
    const addresses = new Set(toPhones.filter((notice) => notice.recipient.deviceId === deviceId).map((notice) => addressOf(notice.recipient)));
    return newestFirst(toPhones.filter((notice) => addresses.has(addressOf(notice.recipient))));
  },
  toAdministrator: (adminId) => newestFirst(inbox.delivered().filter(isAdministratorNotice).filter((notice) => notice.recipient.adminId === adminId)),
});

/**
 * A new store is told from its first event, so that the notices of the seeded organisation
 * show; a store that already held history when its group was first made is told only of what
 * follows, as a new deployment must not text people about years past.
 */
const startOf = async (events: EventStore): Promise<E.Either<StoreError, ConsumerGroupSettings['startFrom']>> => {
  const first = await events.readAll({ maxCount: 1 })();
  return E.map((read: readonly unknown[]) => (read.length === 0 ? 'start' : 'end'))(first);
};

/**
 * Creates the group before the worker joins it, so that nothing appended once this answers is
 * missed (a group made from `end` later would pass it by), then runs one worker with the
 * in-memory inbox as its sender. An existing group is joined as it is.
 */
export const startNotifications = async (options: NotificationsOptions): Promise<E.Either<StoreError, PortalNotifications>> => {
  const startFrom = options.startFrom === undefined ? await startOf(options.events) : E.right(options.startFrom);
  if (E.isLeft(startFrom)) return startFrom;
  const created = await options.groups.create(NOTIFICATIONS_GROUP, {
    startFrom: startFrom.right,
    filter: { kind: 'eventType', types: [...noticeEventTypes] },
    maxRetryCount: MAX_RETRY_COUNT,
    messageTimeoutMs: MESSAGE_TIMEOUT_MS,
  })();
  if (E.isLeft(created)) return created;
  const inbox = createInbox();
  const worker = runNotificationWorker({
    store: options.events,
    groups: options.groups,
    group: NOTIFICATIONS_GROUP,
    sender: inbox,
    maxRetryCount: MAX_RETRY_COUNT,
    messageTimeoutMs: MESSAGE_TIMEOUT_MS,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  let closing = false;
  void worker.done.then((outcome) => {
    if (E.isLeft(outcome) && !closing) options.onStopped?.(outcome.left);
  });
  return E.right({
    notices: noticesOf(inbox),
    close: async () => {
      closing = true;
      await worker.close();
    },
  });
};
