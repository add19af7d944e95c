import {
  accountDecider,
  applicationDecider,
  fold,
  userDevicesDecider,
  type AccountEvent,
  type ApplicationEvent,
  type DomainEvent,
  type RecordedActor,
  type UserDevicesEvent,
} from '@ssp/domain';
import { ids } from '@ssp/domain/testing';
import { noFacts, noticesFor, type NoticeFacts, type NoticeSource } from './notices-for';
import { noticeIdOf, type Notice } from './notice';

const EVENT_ID = '9b2c0000-0000-4000-8000-000000000001';
const AT = '2026-11-28T10:01:00.000Z';
const MOBILE = '+14155552671';
const LANDLINE = '+14155550100';
const SECOND_MOBILE = '+14155550199';

const registered: UserDevicesEvent = { type: 'UserRegistered', data: { accountId: ids.account, userId: ids.alice, username: 'alice' } };
const mobile: UserDevicesEvent = {
  type: 'DeviceEnrolled',
  data: { accountId: ids.account, userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', platform: 'IOS', name: 'iPhone', phoneNumber: MOBILE },
};
const tablet: UserDevicesEvent = {
  type: 'DeviceEnrolled',
  data: { accountId: ids.account, userId: ids.alice, deviceId: ids.tablet, kind: 'TABLET', platform: 'ANDROID', name: 'Tablet' },
};
const landline: UserDevicesEvent = {
  type: 'DeviceEnrolled',
  data: { accountId: ids.account, userId: ids.alice, deviceId: ids.landline, kind: 'LANDLINE', platform: 'UNKNOWN', name: 'Desk', phoneNumber: LANDLINE, extension: '42' },
};
const secondMobile: UserDevicesEvent = {
  type: 'DeviceEnrolled',
  data: { accountId: ids.account, userId: ids.alice, deviceId: ids.secondMobile, kind: 'MOBILE', platform: 'ANDROID', name: 'Pixel', phoneNumber: SECOND_MOBILE },
};
const token: UserDevicesEvent = {
  type: 'HardwareTokenAssigned',
  data: { accountId: ids.account, userId: ids.alice, tokenId: ids.token, serial: '00123456', tokenType: 'h6' },
};

const devicesFacts = (...history: readonly UserDevicesEvent[]): NoticeFacts => ({ ...noFacts, userDevices: fold(userDevicesDecider, history) });

const source = (event: DomainEvent, actor?: RecordedActor): NoticeSource => ({ eventId: EVENT_ID, occurredAt: AT, event, ...(actor === undefined ? {} : { actor }) });

const addresses = (notices: readonly Notice[]) =>
  notices.map((notice) => ({ channel: notice.channel, to: notice.recipient.kind === 'phone' ? notice.recipient.phoneNumber : notice.recipient.adminId }));

describe('noticesFor: a device change', () => {
  it('given a mobile, a tablet and a landline on file, when a second mobile is enrolled, then both mobiles get an SMS and the landline a voice call; the tablet nothing', () => {
    const notices = noticesFor(source(secondMobile), devicesFacts(registered, mobile, tablet, landline));
    expect(addresses(notices)).toEqual([
      { channel: 'SMS', to: MOBILE },
      { channel: 'VOICE', to: LANDLINE },
      { channel: 'SMS', to: SECOND_MOBILE },
    ]);
    expect(notices[0]?.text).toBe(
      'Security notice: a mobile phone "Pixel" (•••0199) was added to your account on 2026-11-28 at 10:01 UTC. If this was not you, contact your administrator.',
    );
  });

  it('given a landline with an extension, when it is told, then the voice call goes to the number and its extension', () => {
    const [notice] = noticesFor(source(secondMobile), devicesFacts(registered, landline));
    expect(notice?.recipient).toEqual({ kind: 'phone', userId: ids.alice, deviceId: ids.landline, phoneNumber: LANDLINE, extension: '42' });
  });

  it('given two mobiles, when one is removed by an administrator, then the removed phone is told of its own removal by SMS, and so is the other', () => {
    const removed: DomainEvent = {
      type: 'DeviceRemoved',
      data: { accountId: ids.account, userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', wasDefault: false, phoneNumber: MOBILE },
    };
    const notices = noticesFor(source(removed, { kind: 'admin', adminId: ids.helpDesk, role: 'HELP_DESK' }), devicesFacts(registered, mobile, secondMobile));
    expect(addresses(notices)).toEqual([
      { channel: 'SMS', to: SECOND_MOBILE },
      { channel: 'SMS', to: MOBILE },
    ]);
    expect(notices[1]?.text).toContain('your mobile phone "iPhone" (•••2671) was removed from your account by an administrator (HELP_DESK)');
  });

  it('given a landline, when it is removed, then it is told by a voice call, never an SMS', () => {
    const removed: DomainEvent = {
      type: 'DeviceRemoved',
      data: { accountId: ids.account, userId: ids.alice, deviceId: ids.landline, kind: 'LANDLINE', wasDefault: false, phoneNumber: LANDLINE },
    };
    expect(addresses(noticesFor(source(removed), devicesFacts(registered, mobile, landline)))).toEqual([
      { channel: 'SMS', to: MOBILE },
      { channel: 'VOICE', to: LANDLINE },
    ]);
  });

  it('given a tablet, when it is removed, then the tablet is told nothing and the phones are', () => {
    const removed: DomainEvent = { type: 'DeviceRemoved', data: { accountId: ids.account, userId: ids.alice, deviceId: ids.tablet, kind: 'TABLET', wasDefault: false } };
    expect(addresses(noticesFor(source(removed), devicesFacts(registered, mobile, tablet)))).toEqual([{ channel: 'SMS', to: MOBILE }]);
  });

  it('given a phone made default, then the text names it and every phone is told', () => {
    const made: DomainEvent = { type: 'DefaultSet', data: { userId: ids.alice, deviceId: ids.secondMobile, loginAction: 'PUSH' } };
    const notices = noticesFor(source(made), devicesFacts(registered, mobile, secondMobile));
    expect(addresses(notices)).toEqual([
      { channel: 'SMS', to: MOBILE },
      { channel: 'SMS', to: SECOND_MOBILE },
    ]);
    expect(notices[0]?.text).toContain('your mobile phone "Pixel" (•••0199) became your default device');
  });

  it('given a hardware token removed, then the phones are told, naming the token by type and the end of its serial', () => {
    const removed: DomainEvent = { type: 'HardwareTokenRemoved', data: { userId: ids.alice, tokenId: ids.token, serial: '00123456', tokenType: 'h6' } };
    const notices = noticesFor(source(removed), devicesFacts(registered, mobile, token));
    expect(addresses(notices)).toEqual([{ channel: 'SMS', to: MOBILE }]);
    expect(notices[0]?.text).toContain('your hardware token h6 (serial ending 3456) was removed');
  });

  it('given only a tablet on file, when a device change happens, then nobody can be told', () => {
    expect(noticesFor(source(token), devicesFacts(registered, tablet))).toEqual([]);
    const renamedDefault: DomainEvent = { type: 'DefaultSet', data: { userId: ids.alice, deviceId: ids.tablet, loginAction: 'PUSH' } };
    expect(noticesFor(source(renamedDefault), devicesFacts(registered, tablet))).toEqual([]);
  });

  it('given the facts as of an earlier event, then a phone enrolled later is not told of it', () => {
    const made: DomainEvent = { type: 'DefaultSet', data: { userId: ids.alice, deviceId: ids.mobile, loginAction: 'PUSH' } };
    expect(addresses(noticesFor(source(made), devicesFacts(registered, mobile)))).toEqual([{ channel: 'SMS', to: MOBILE }]);
  });

  it.each<DomainEvent>([
    { type: 'DeviceRenamed', data: { userId: ids.alice, deviceId: ids.mobile, name: 'Work', previousName: 'iPhone' } },
    token,
    registered,
    { type: 'NewEnrollmentEnabled', data: { accountId: ids.account } },
  ])('given a $type, which is no security change to report, then it causes no notice', (event) => {
    expect(noticesFor(source(event), devicesFacts(registered, mobile))).toEqual([]);
  });

  it('given the same event and facts twice, then the notices are the same, ids included, and each id is that of its event, channel and recipient', () => {
    const facts = devicesFacts(registered, mobile, landline);
    const first = noticesFor(source(secondMobile), facts);
    expect(noticesFor(source(secondMobile), facts)).toEqual(first);
    for (const notice of first) expect(notice.noticeId).toBe(noticeIdOf(EVENT_ID, notice.channel, notice.recipient));
    expect(new Set(first.map((notice) => notice.noticeId)).size).toBe(first.length);
  });
});

describe('noticesFor: a self-service change', () => {
  const accountHistory: readonly AccountEvent[] = [
    { type: 'AccountOpened', data: { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner } },
    { type: 'AdministratorAdded', data: { accountId: ids.account, adminId: ids.applicationManager, role: 'APPLICATION_MANAGER' } },
    { type: 'AdministratorAdded', data: { accountId: ids.account, adminId: ids.readOnly, role: 'READ_ONLY' } },
    { type: 'AdministratorAdded', data: { accountId: ids.account, adminId: ids.helpDesk, role: 'HELP_DESK' } },
  ];
  const applicationHistory: readonly ApplicationEvent[] = [
    { type: 'ApplicationRegistered', data: { accountId: ids.account, applicationId: ids.application, name: 'Intranet', applicationType: 'WEB_SDK' } },
  ];
  const facts: NoticeFacts = { ...noFacts, account: fold(accountDecider, accountHistory), application: fold(applicationDecider, applicationHistory) };
  const byOwner: RecordedActor = { kind: 'admin', adminId: ids.owner, role: 'OWNER' };

  it('given an account with administrators of several roles, when self-service is turned on, then those who may turn it on or off are told in their inbox', () => {
    const enabled: DomainEvent = { type: 'SelfServiceEnabled', data: { accountId: ids.account, applicationId: ids.application } };
    const notices = noticesFor(source(enabled, byOwner), facts);
    expect(addresses(notices)).toEqual(
      [ids.owner, ids.applicationManager].sort().map((adminId) => ({ channel: 'ADMIN_INBOX', to: adminId })),
    );
    expect(notices[0]?.text).toBe(
      `Self-service was turned on for the application "Intranet" (WEB_SDK) by administrator ${ids.owner} (OWNER) on 2026-11-28 at 10:01 UTC.`,
    );
  });

  it('given self-service turned off, then the text says off', () => {
    const disabled: DomainEvent = { type: 'SelfServiceDisabled', data: { accountId: ids.account, applicationId: ids.application } };
    expect(noticesFor(source(disabled, byOwner), facts)[0]?.text).toContain('turned off for the application "Intranet"');
  });

  it('given an administrator removed before the change, then they are not told', () => {
    const removedManager: AccountEvent = { type: 'AdministratorRemoved', data: { accountId: ids.account, adminId: ids.applicationManager, role: 'APPLICATION_MANAGER' } };
    const enabled: DomainEvent = { type: 'SelfServiceEnabled', data: { accountId: ids.account, applicationId: ids.application } };
    const notices = noticesFor(source(enabled, byOwner), { ...facts, account: fold(accountDecider, [...accountHistory, removedManager]) });
    expect(addresses(notices)).toEqual([{ channel: 'ADMIN_INBOX', to: ids.owner }]);
  });

  it('given no facts about the application, then nobody is told (nothing is guessed)', () => {
    const enabled: DomainEvent = { type: 'SelfServiceEnabled', data: { accountId: ids.account, applicationId: ids.application } };
    expect(noticesFor(source(enabled, byOwner), { ...facts, application: noFacts.application })).toEqual([]);
  });
});
