/**
 * Security notifications: the people concerned are told of each device change (on the phones
 * they have on file) and of each self-service change (the account's administrators). Notices
 * are computed purely from the event and the facts as of the event, kept in an outbox inside
 * the event store, and sent through a port whose idempotency key makes delivery exactly once
 * in effect.
 */
export {
  AdministratorRecipient,
  addressOf,
  Notice,
  noticeIdOf,
  PhoneRecipient,
  type Channel,
  type Recipient,
} from './notices/notice';
export { noFacts, noticeEventTypes, noticesFor, type NoticeFacts, type NoticeSource } from './notices/notices-for';
export { factsFor, type FactsError } from './recipients/facts';
export {
  NotificationEvent,
  NotificationQueued,
  NotificationSent,
  notificationCategory,
  notificationEventTypes,
  notificationStream,
  type NotificationStatus,
} from './outbox/events';
export { readOutboxEntry, type OutboxEntry, type OutboxError } from './outbox/outbox';
export type { NotificationSender, SendError } from './sender/port';
export { createInbox, type Inbox } from './sender/inbox';
export { reactTo, type ReactDependencies, type ReactError, type ReactReport } from './react-to';
export { runNotificationWorker, type NotificationWorker, type NotificationWorkerOptions } from './worker/notification-worker';
export { settlementOf, type Settlement } from './worker/settlement';
