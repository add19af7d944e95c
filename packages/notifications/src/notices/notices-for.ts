import {
  evolveUserDevices,
  findPhone,
  initialAccountState,
  initialApplicationState,
  initialUserDevicesState,
  permittedRoles,
  type AccountState,
  type ApplicationState,
  type DomainEvent,
  type Phone,
  type RecordedActor,
  type Role,
  type UserDevicesEvent,
  type UserDevicesState,
} from '@ssp/domain';
import { noticeIdOf, type AdministratorRecipient, type Notice, type PhoneRecipient } from './notice';
import { phoneText, selfServiceText, tokenText, userNoticeText } from './texts';

/** The stored domain event a notice is about: the event, and the identity and time its metadata gives it. */
export type NoticeSource = Readonly<{ eventId: string; occurredAt: string; actor?: RecordedActor; event: DomainEvent }>;

/**
 * What the notices of one event depend on, each as it stood when the event happened (never
 * as it stands now, so that computing them again later gives the same notices):
 * `userDevices` just before a user-devices event (the event itself is folded here);
 * `application` up to the event; `account` at the event's global position.
 */
export type NoticeFacts = Readonly<{ userDevices: UserDevicesState; application: ApplicationState; account: AccountState }>;

export const noFacts: NoticeFacts = { userDevices: initialUserDevicesState, application: initialApplicationState, account: initialAccountState };

/** The event types that cause notices; every other event causes none. */
export const noticeEventTypes = ['DeviceEnrolled', 'DeviceRemoved', 'DefaultSet', 'HardwareTokenRemoved', 'SelfServiceEnabled', 'SelfServiceDisabled'] as const;

/**
 * A phone receives on the channel its kind allows: a mobile an SMS, a landline only a voice
 * call; a tablet has no number and receives nothing.
 */
const phoneNotice = (source: NoticeSource, userId: string, phone: Phone, text: string): readonly Notice[] => {
  if (phone.kind === 'TABLET' || phone.phoneNumber === undefined) return [];
  const recipient: PhoneRecipient = {
    kind: 'phone',
    userId,
    deviceId: phone.deviceId,
    phoneNumber: phone.phoneNumber,
    ...(phone.extension === undefined ? {} : { extension: phone.extension }),
  };
  const channel = phone.kind === 'MOBILE' ? 'SMS' : 'VOICE';
  return [{ noticeId: noticeIdOf(source.eventId, channel, recipient), eventId: source.eventId, occurredAt: source.occurredAt, channel, recipient, text }];
};

/** What the user is told, and which phones besides those on file after the change are told too. */
const userChange = (event: UserDevicesEvent, before: Extract<UserDevicesState, { status: 'REGISTERED' }>) => {
  switch (event.type) {
    case 'DeviceEnrolled':
      return { change: `a ${phoneText(event.data)} was added to your account`, alsoTell: [] };
    case 'DeviceRemoved': {
      // A removed phone still receives: it is the one most worth telling.
      const removed = findPhone(before, event.data.deviceId);
      return removed === undefined ? undefined : { change: `your ${phoneText(removed)} was removed from your account`, alsoTell: [removed] };
    }
    case 'DefaultSet': {
      const phone = findPhone(before, event.data.deviceId);
      return phone === undefined ? undefined : { change: `your ${phoneText(phone)} became your default device`, alsoTell: [] };
    }
    case 'HardwareTokenRemoved':
      return { change: `your ${tokenText(event.data)} was removed from your account`, alsoTell: [] };
    default:
      return undefined;
  }
};

const userNotices = (source: NoticeSource, event: UserDevicesEvent, facts: NoticeFacts): readonly Notice[] => {
  const before = facts.userDevices;
  if (before.status !== 'REGISTERED') return [];
  const described = userChange(event, before);
  if (described === undefined) return [];
  const after = evolveUserDevices(before, event);
  const phones = [...(after.status === 'REGISTERED' ? after.phones : []), ...described.alsoTell];
  const text = userNoticeText(described.change, source.occurredAt, source.actor);
  const notices = phones.flatMap((phone) => phoneNotice(source, before.userId, phone, text));
  // One notice per address, even if history ever held one number twice.
  return notices.filter((notice, index) => notices.findIndex((other) => other.noticeId === notice.noticeId) === index);
};

/**
 * The account's administrators who answer for its applications' self-service (those who may
 * turn it on or off): each learns of a change another made, and can undo it.
 */
const responsibleAdministrators = (account: AccountState): ReadonlyArray<readonly [string, Role]> => {
  if (account.status !== 'OPEN') return [];
  const responsible: readonly Role[] = permittedRoles.toggleSelfService;
  return Object.entries(account.administrators)
    .filter(([, role]) => responsible.includes(role))
    .sort(([a], [b]) => a.localeCompare(b));
};

const applicationNotices = (source: NoticeSource, enabled: boolean, facts: NoticeFacts): readonly Notice[] => {
  const { application, account } = facts;
  if (application.status !== 'REGISTERED' || account.status !== 'OPEN' || account.accountId !== application.accountId) return [];
  const text = selfServiceText(application, enabled, source.occurredAt, source.actor);
  return responsibleAdministrators(account).map(([adminId]): Notice => {
    const recipient: AdministratorRecipient = { kind: 'administrator', accountId: account.accountId, adminId };
    const channel = 'ADMIN_INBOX';
    return { noticeId: noticeIdOf(source.eventId, channel, recipient), eventId: source.eventId, occurredAt: source.occurredAt, channel, recipient, text };
  });
};

/**
 * The notices one stored domain event causes: pure, and the same for the same event and facts
 * wherever and whenever it runs, ids included.
 */
export const noticesFor = (source: NoticeSource, facts: NoticeFacts): readonly Notice[] => {
  const { event } = source;
  switch (event.type) {
    case 'DeviceEnrolled':
    case 'DeviceRemoved':
    case 'DefaultSet':
    case 'HardwareTokenRemoved':
      return userNotices(source, event, facts);
    case 'SelfServiceEnabled':
      return applicationNotices(source, true, facts);
    case 'SelfServiceDisabled':
      return applicationNotices(source, false, facts);
    default:
      return [];
  }
};
