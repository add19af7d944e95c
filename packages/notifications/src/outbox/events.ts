import * as t from 'io-ts';
import { IsoTime, Uuid } from '@ssp/domain';
import { Notice } from '../notices/notice';

/**
 * The outbox lives in the event store itself, one stream per notice, so that it works on every
 * store and across processes: the stream's expected revision is the lock. Added to the
 * contract (see docs/events.md): a category of its own, `Notification`, which subscribers of
 * the device and account streams never see unless they ask for it.
 */
export const notificationCategory = 'Notification';
export const notificationStream = (noticeId: string): string => `${notificationCategory}-${noticeId}`;

/** The notice as it will be sent, recorded before sending: the first event of its stream. */
export const NotificationQueued = t.type(
  { type: t.literal('NotificationQueued'), data: t.intersection([Notice, t.type({ queuedAt: IsoTime })]) },
  'NotificationQueued',
);
export type NotificationQueued = t.TypeOf<typeof NotificationQueued>;

/** The sender accepted the notice: the second and last event of its stream. */
export const NotificationSent = t.type(
  { type: t.literal('NotificationSent'), data: t.type({ noticeId: Uuid, sentAt: IsoTime }) },
  'NotificationSent',
);
export type NotificationSent = t.TypeOf<typeof NotificationSent>;

export const NotificationEvent = t.union([NotificationQueued, NotificationSent], 'NotificationEvent');
export type NotificationEvent = t.TypeOf<typeof NotificationEvent>;

export const notificationEventTypes = ['NotificationQueued', 'NotificationSent'] as const;

/** Where a notice stands: not yet queued, queued and perhaps sent (the sender cannot say), or recorded sent. */
export type NotificationStatus = 'NONE' | 'QUEUED' | 'SENT';

export const evolveNotificationStatus = (status: NotificationStatus, event: NotificationEvent): NotificationStatus =>
  event.type === 'NotificationQueued' ? (status === 'NONE' ? 'QUEUED' : status) : 'SENT';
