import * as t from 'io-ts';
import { IsoTime, Uuid } from '@ssp/domain';
import { v5 as uuidv5 } from 'uuid';

/**
 * A phone as a notice reaches it: the number (and a landline's extension) is the address; the
 * user and device say whose it is, for the inbox and for a person reading the outbox.
 */
export const PhoneRecipient = t.intersection(
  [
    t.type({ kind: t.literal('phone'), userId: Uuid, deviceId: Uuid, phoneNumber: t.string }),
    t.partial({ extension: t.string }),
  ],
  'PhoneRecipient',
);
export type PhoneRecipient = t.TypeOf<typeof PhoneRecipient>;

/**
 * The domain knows an administrator by id and role only, never by an e-mail address: the
 * sender resolves the id to wherever that administrator reads (mail, the admin console).
 */
export const AdministratorRecipient = t.type(
  { kind: t.literal('administrator'), accountId: Uuid, adminId: Uuid },
  'AdministratorRecipient',
);
export type AdministratorRecipient = t.TypeOf<typeof AdministratorRecipient>;

const noticeFields = { noticeId: Uuid, eventId: Uuid, occurredAt: IsoTime, text: t.string };

/** One message to one recipient on one channel, caused by one stored domain event. */
export const Notice = t.union(
  [
    t.type({ ...noticeFields, channel: t.union([t.literal('SMS'), t.literal('VOICE')]), recipient: PhoneRecipient }),
    t.type({ ...noticeFields, channel: t.literal('ADMIN_INBOX'), recipient: AdministratorRecipient }),
  ],
  'Notice',
);
export type Notice = t.TypeOf<typeof Notice>;
export type Channel = Notice['channel'];
export type Recipient = Notice['recipient'];

/** Where a recipient is reached: a number (with `;ext=` for an extension, RFC 3966) or an administrator's id. */
export const addressOf = (recipient: Recipient): string =>
  recipient.kind === 'administrator'
    ? recipient.adminId
    : recipient.extension === undefined
      ? recipient.phoneNumber
      : `${recipient.phoneNumber};ext=${recipient.extension}`;

/** The namespace of notice ids (a fixed, random UUID): ids made here never collide with other v5 ids. */
const NOTICE_NAMESPACE = '4a7c2b9e-61d3-4f0a-9a57-0e3c1b8d2f64';

/**
 * The same event, recipient and channel always give the same id, in any process at any time:
 * the id names the notice's outbox stream and is the sender's idempotency key.
 */
export const noticeIdOf = (eventId: string, channel: Channel, recipient: Recipient): string =>
  uuidv5(`${eventId}/${channel}/${addressOf(recipient)}`, NOTICE_NAMESPACE);
