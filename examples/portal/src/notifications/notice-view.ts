import type { Notice } from '@ssp/notifications';

/** A notice as a page lists it: how it came, when (in UTC, as the text says it), and what it said. */
export type NoticeView = Readonly<{ noticeId: string; channel: string; occurredAt: string; when: string; text: string }>;

const channelNames: Readonly<Record<Notice['channel'], string>> = { SMS: 'Text message', VOICE: 'Voice call', ADMIN_INBOX: 'Admin Panel inbox' };

/** `2026-11-28T09:00:00.000Z` as `2026-11-28 09:00 UTC`. */
const inWords = (isoTime: string): string => `${isoTime.slice(0, 10)} ${isoTime.slice(11, 16)} UTC`;

export const noticeView = (notice: Notice): NoticeView => ({
  noticeId: notice.noticeId,
  channel: channelNames[notice.channel],
  occurredAt: notice.occurredAt,
  when: inWords(notice.occurredAt),
  text: notice.text,
});
