import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noticeEventTypes } from './notices/notices-for';
import { NotificationQueued, NotificationSent } from './outbox/events';

/** docs/events.md and docs/notifications.md describe this package: they must keep up with it. */
const docs = join(__dirname, '..', '..', '..', 'docs');
const eventsDoc = readFileSync(join(docs, 'events.md'), 'utf8');
const notificationsDoc = readFileSync(join(docs, 'notifications.md'), 'utf8');

const rowOf = (type: string): string => eventsDoc.split('\n').find((line) => line.startsWith(`| \`${type}\` |`)) ?? '';

describe('the docs of the notifications', () => {
  it.each([
    ['NotificationQueued', [...Object.keys(NotificationQueued.props.data.types[1].props), 'noticeId', 'eventId', 'occurredAt', 'channel', 'recipient', 'text']],
    ['NotificationSent', Object.keys(NotificationSent.props.data.props)],
  ])('given the catalogue in docs/events.md, then it lists %s with each of its data fields', (type, fields) => {
    const row = rowOf(type);
    expect(row).not.toBe('');
    for (const field of fields) expect(row).toContain(`\`${field}\``);
  });

  it.each(noticeEventTypes)('given docs/notifications.md, then it says who is told of %s', (type) => {
    expect(notificationsDoc).toMatch(new RegExp(`^\\| [^\\n]*\`${type}\``, 'm'));
  });
});
