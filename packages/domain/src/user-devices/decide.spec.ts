import { defaultPolicy } from '../shared/policy';
import { TokenType } from '../shared/enums';
import { actors, at, command, decide, deviceId, hours, ids, type CommandOf } from '../testing';
import {
  accountWithStaff,
  activationIssued,
  adminContext,
  aliceWithActivatedMobile,
  aliceWithMobile,
  defaultSet,
  deviceEnrolled,
  deviceRemoved,
  duoMobileActivated,
  eligibleAccount,
  landlineEnrolled,
  mobileEnrolled,
  numbers,
  portal,
  steppedUpSession,
  tabletEnrolled,
  tokenAssigned,
  userRegistered,
} from '../testing/histories';
import { userDevicesDecider, type UserDevicesEvent } from '.';

const devices = decide(userDevicesDecider);
const { alice, account: accountId } = ids;
const aliceInSession = actors.user(alice, ids.session);
const owner = actors.admin(ids.owner);
const tokenTypes = ['h6', 'h8', 't6', 't8', 'yk', 'd1'] as const satisfies readonly TokenType[];

describe('RegisterUser', () => {
  const register = (adminId: string = ids.userManager, target: string = accountId) =>
    command('RegisterUser', actors.admin(adminId), { accountId: target, userId: alice, username: 'alice' });

  it('registers a user of the account, with no device', () => {
    const state = devices.given([], adminContext()).when(register()).then([userRegistered()]);
    expect(state).toMatchObject({ phones: [], tokens: [] });
  });

  it('refuses a user id already used', () => {
    devices.given([userRegistered()], adminContext()).when(register()).thenFails('DUPLICATE');
  });

  it('an administrator of another account is a stranger', () => {
    devices.given([], adminContext()).when(register(ids.stranger)).thenFails('NOT_FOUND');
    devices.given([], adminContext()).when(register(ids.owner, ids.otherAccount)).thenFails('NOT_FOUND');
  });

  it('a user never registers users', () => {
    devices.given([], adminContext()).when(command('RegisterUser', aliceInSession, { accountId, userId: ids.bob, username: 'bob' })).thenFails('FORBIDDEN');
  });
});

describe('AssignHardwareToken: administrators only, never the user', () => {
  const assign = (actor = actors.admin(ids.helpDesk), tokenId: string = ids.token, tokenType: TokenType = 'h6', serial = '123456') =>
    command('AssignHardwareToken', actor, { userId: alice, tokenId, serial, tokenType });

  it('the token types are h6, h8 (HOTP), t6, t8 (TOTP), yk (YubiKey) and d1', () => {
    expect(Object.keys(TokenType.keys)).toEqual([...tokenTypes]);
  });

  it.each(tokenTypes)('assigns a %s token', (tokenType) => {
    devices.given([userRegistered()], adminContext()).when(assign(actors.admin(ids.helpDesk), ids.token, tokenType)).then([tokenAssigned(ids.token, tokenType)]);
  });

  it('a user can never add one, even with a fresh step-up', () => {
    const refusal = devices.given(aliceWithMobile, portal()).when(assign(aliceInSession)).thenFails('FORBIDDEN');
    expect(refusal.message).toBe('hardware tokens are assigned by administrators, never added by the user');
  });

  it('nor can the authenticator or the system', () => {
    devices.given(aliceWithMobile, adminContext()).when(assign(actors.authenticator)).thenFails('FORBIDDEN');
    devices.given(aliceWithMobile, adminContext()).when(assign(actors.system)).thenFails('FORBIDDEN');
  });

  it("an administrator of another account is a stranger to the user", () => {
    devices.given([userRegistered()], adminContext()).when(assign(actors.admin(ids.stranger))).thenFails('NOT_FOUND');
  });

  it("a user of another account is not found, even for an administrator of the account loaded", () => {
    devices.given([userRegistered(alice, ids.otherAccount)], adminContext()).when(assign(owner)).thenFails('NOT_FOUND');
    devices.given([], adminContext()).when(assign(owner)).thenFails('NOT_FOUND');
  });

  it('refuses an id already used, even by a device since removed', () => {
    devices.given([...aliceWithMobile, tokenAssigned()], adminContext()).when(assign(owner)).thenFails('DUPLICATE');
    devices.given([...aliceWithMobile, tabletEnrolled(), deviceRemoved(ids.tablet)], adminContext()).when(assign(owner, ids.tablet)).thenFails('DUPLICATE');
  });

  it('refuses the same token assigned twice to the user', () => {
    devices.given([userRegistered(), tokenAssigned()], adminContext()).when(assign(owner, ids.secondToken)).thenFails('DUPLICATE');
    devices.given([userRegistered(), tokenAssigned()], adminContext()).when(assign(owner, ids.secondToken, 'h6', '654321')).then([tokenAssigned(ids.secondToken, 'h6', '654321')]);
  });
});

describe('EnrollDevice: phone kinds and the fields they take', () => {
  const enroll = (data: Omit<CommandOf<'EnrollDevice'>['data'], 'userId'>) => command('EnrollDevice', aliceInSession, { userId: alice, ...data });
  const enrolled = deviceEnrolled;

  it('a mobile has a number and a platform', () => {
    devices
      .given(aliceWithMobile, portal())
      .when(enroll({ deviceId: ids.secondMobile, kind: 'MOBILE', phoneNumber: numbers.aliceSecond, platform: 'ANDROID' }))
      .then([enrolled({ deviceId: ids.secondMobile, kind: 'MOBILE', platform: 'ANDROID', name: 'Android phone', phoneNumber: numbers.aliceSecond })]);
  });

  it('a mobile whose platform is not given has an unknown platform', () => {
    devices
      .given(aliceWithMobile, portal())
      .when(enroll({ deviceId: ids.secondMobile, kind: 'MOBILE', phoneNumber: numbers.aliceSecond }))
      .then([enrolled({ deviceId: ids.secondMobile, kind: 'MOBILE', platform: 'UNKNOWN', name: 'Phone', phoneNumber: numbers.aliceSecond })]);
  });

  it('a tablet has a platform and no number', () => {
    devices
      .given(aliceWithMobile, portal())
      .when(enroll({ deviceId: ids.tablet, kind: 'TABLET', platform: 'IOS' }))
      .then([enrolled({ deviceId: ids.tablet, kind: 'TABLET', platform: 'IOS', name: 'iOS tablet' })]);
  });

  it('a landline has a number, an optional extension, no platform', () => {
    devices
      .given(aliceWithMobile, portal())
      .when(enroll({ deviceId: ids.landline, kind: 'LANDLINE', phoneNumber: numbers.landline, extension: '1234' }))
      .then([enrolled({ deviceId: ids.landline, kind: 'LANDLINE', platform: 'UNKNOWN', name: 'Landline', phoneNumber: numbers.landline, extension: '1234' })]);
  });

  it('a command built without decoding is still checked for shape', () => {
    devices.given(aliceWithMobile, portal()).when(enroll({ deviceId: ids.tablet, kind: 'TABLET', phoneNumber: numbers.aliceSecond })).thenFails('INVALID_COMMAND');
  });
});

describe('EnrollDevice: names', () => {
  const enrollIos = (id: string, name?: string) =>
    command('EnrollDevice', aliceInSession, { userId: alice, deviceId: id, kind: 'MOBILE', phoneNumber: numbers.aliceSecond, platform: 'IOS', ...(name === undefined ? {} : { name }) });
  const iosEnrolled = (id: string, name: string) => deviceEnrolled({ deviceId: id, kind: 'MOBILE', platform: 'IOS', name, phoneNumber: numbers.aliceSecond });

  it('a phone enrolled without a name gets a readable default: "iOS phone", then "iOS phone 2"', () => {
    devices.given(aliceWithMobile, portal()).when(enrollIos(ids.secondMobile)).then([iosEnrolled(ids.secondMobile, 'iOS phone 2')]);
  });

  it('the default skips names taken, ignoring case', () => {
    const history = [userRegistered(), mobileEnrolled(ids.mobile, numbers.alice, 'IOS PHONE'), tabletEnrolled(), tokenAssigned()];
    const withSecond = [...history, deviceEnrolled({ deviceId: ids.landline, kind: 'MOBILE', platform: 'IOS', name: 'ios phone 2', phoneNumber: numbers.landline })];
    devices.given(withSecond, portal()).when(enrollIos(ids.secondMobile)).then([iosEnrolled(ids.secondMobile, 'iOS phone 3')]);
  });

  it('a name given is kept', () => {
    devices.given(aliceWithMobile, portal()).when(enrollIos(ids.secondMobile, 'Work phone')).then([iosEnrolled(ids.secondMobile, 'Work phone')]);
  });

  it('names are unique per user, ignoring case (policy)', () => {
    devices.given(aliceWithMobile, portal()).when(enrollIos(ids.secondMobile, 'ios PHONE')).thenFails('DUPLICATE');
  });
});

describe('EnrollDevice: numbers, ids and limits', () => {
  const enrollMobile = (id: string, phoneNumber: string = numbers.aliceSecond) =>
    command('EnrollDevice', aliceInSession, { userId: alice, deviceId: id, kind: 'MOBILE', phoneNumber, platform: 'ANDROID' });
  const mobileEnrolledAs = (id: string, phoneNumber: string = numbers.aliceSecond): UserDevicesEvent =>
    deviceEnrolled({ deviceId: id, kind: 'MOBILE', platform: 'ANDROID', name: 'Android phone', phoneNumber });
  const phones = (count: number) => Array.from({ length: count }, (_, n) => mobileEnrolled(deviceId(n), `+1415555${String(3000 + n)}`, `Phone ${n}`));
  const steppedUpOnFirstPhone = (policy = defaultPolicy) => portal({ session: steppedUpSession(deviceId(0)), policy });

  it("a number already one of the user's phones is refused", () => {
    devices.given(aliceWithMobile, portal()).when(enrollMobile(ids.secondMobile, numbers.alice)).thenFails('DUPLICATE');
  });

  it('a number held by another user of the account is refused (policy)', () => {
    devices.given(aliceWithMobile, portal({ numberHeldBy: ids.bob })).when(enrollMobile(ids.secondMobile)).thenFails('DUPLICATE');
  });

  it('a number whose claim names the user already is accepted', () => {
    devices.given(aliceWithMobile, portal({ numberHeldBy: alice })).when(enrollMobile(ids.secondMobile)).then([mobileEnrolledAs(ids.secondMobile)]);
  });

  it('an id is never reused: not one of a device since removed, nor a token id', () => {
    devices.given([...aliceWithMobile, tabletEnrolled(), deviceRemoved(ids.tablet)], portal()).when(enrollMobile(ids.tablet)).thenFails('DUPLICATE');
    devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(enrollMobile(ids.token)).thenFails('DUPLICATE');
  });

  it('at most 10 phones (policy)', () => {
    devices.given([userRegistered(), ...phones(9)], steppedUpOnFirstPhone()).when(enrollMobile(ids.secondMobile)).then([mobileEnrolledAs(ids.secondMobile)]);
    devices.given([userRegistered(), ...phones(10)], steppedUpOnFirstPhone()).when(enrollMobile(ids.secondMobile)).thenFails('DEVICE_LIMIT_REACHED');
  });

  it('hardware tokens do not count', () => {
    const history = [userRegistered(), ...phones(9), tokenAssigned(), tokenAssigned(ids.secondToken, 'yk', '777')];
    devices.given(history, steppedUpOnFirstPhone()).when(enrollMobile(ids.secondMobile)).then([mobileEnrolledAs(ids.secondMobile)]);
  });

  it('the limit is configurable', () => {
    const policy = { ...defaultPolicy, maxPhones: 2 };
    devices.given([userRegistered(), ...phones(2)], steppedUpOnFirstPhone(policy)).when(enrollMobile(ids.secondMobile)).thenFails('DEVICE_LIMIT_REACHED');
  });
});

describe('EnrollDevice by an administrator', () => {
  const enrollFor = (adminId: string, userId: string = alice) =>
    command('EnrollDevice', actors.admin(adminId), { userId, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber: numbers.alice, platform: 'IOS' });

  it('needs no session, no step-up, and not new enrollment', () => {
    devices.given([userRegistered()], adminContext(accountWithStaff())).when(enrollFor(ids.helpDesk)).then([mobileEnrolled()]);
  });

  it('still refuses a number another user holds', () => {
    devices.given([userRegistered()], { ...adminContext(), numberHeldBy: ids.bob }).when(enrollFor(ids.owner)).thenFails('DUPLICATE');
  });

  it("an administrator of another account is a stranger to the user", () => {
    devices.given([userRegistered()], adminContext(eligibleAccount())).when(enrollFor(ids.stranger)).thenFails('NOT_FOUND');
    devices.given([userRegistered(ids.carol, ids.otherAccount)], adminContext()).when(enrollFor(ids.owner, ids.carol)).thenFails('NOT_FOUND');
  });

  it('the authenticator never enrolls devices', () => {
    devices.given([userRegistered()], adminContext()).when(command('EnrollDevice', actors.authenticator, { userId: alice, deviceId: ids.tablet, kind: 'TABLET' })).thenFails('FORBIDDEN');
  });
});

describe('RenameDevice: any phone, never a hardware token', () => {
  const rename = (deviceId: string, name: string, actor = aliceInSession) => command('RenameDevice', actor, { userId: alice, deviceId, name });
  const history = [...aliceWithMobile, tabletEnrolled(), landlineEnrolled(), tokenAssigned()];

  it.each([
    ['mobile', ids.mobile, 'iOS phone'],
    ['tablet', ids.tablet, 'iOS tablet'],
    ['landline', ids.landline, 'Landline'],
  ])('renames a %s', (_kind, deviceId, previousName) => {
    devices.given(history, portal()).when(rename(deviceId, 'Mine')).then([{ type: 'DeviceRenamed', data: { userId: alice, deviceId, name: 'Mine', previousName } }]);
  });

  it('a hardware token cannot be renamed', () => {
    devices.given(history, portal()).when(rename(ids.token, 'Mine')).thenFails('DEVICE_NOT_CAPABLE');
  });

  it("another device's name, in any case, is taken", () => {
    devices.given(history, portal()).when(rename(ids.tablet, 'LANDLINE')).thenFails('DUPLICATE');
  });

  it('a device may change the case of its own name', () => {
    devices.given(history, portal()).when(rename(ids.tablet, 'IOS TABLET')).then([{ type: 'DeviceRenamed', data: { userId: alice, deviceId: ids.tablet, name: 'IOS TABLET', previousName: 'iOS tablet' } }]);
  });

  it('the same name changes nothing', () => {
    devices.given(history, portal()).when(rename(ids.tablet, 'iOS tablet')).then([]);
  });

  it('an unknown device is not found', () => {
    devices.given(history, portal()).when(rename(ids.secondMobile, 'Mine')).thenFails('NOT_FOUND');
  });

  it('is done by the user only', () => {
    devices.given(history, adminContext()).when(rename(ids.tablet, 'Mine', owner)).thenFails('FORBIDDEN');
  });
});

describe('IssueDuoMobileActivation: on a mobile or tablet with a known platform', () => {
  const issue = (deviceId: string, validSeconds?: number, actor = aliceInSession) =>
    command('IssueDuoMobileActivation', actor, { userId: alice, deviceId, activationId: ids.secondActivation, ...(validSeconds === undefined ? {} : { validSeconds }) });
  const history = [...aliceWithActivatedMobile, tabletEnrolled(), landlineEnrolled(), tokenAssigned(), mobileEnrolled(ids.secondMobile, numbers.aliceSecond, 'Old phone')];
  const unknownPlatform = deviceEnrolled({ deviceId: ids.secondMobile, kind: 'MOBILE', platform: 'UNKNOWN', name: 'Phone', phoneNumber: numbers.aliceSecond });

  it('expires 24 hours later by default', () => {
    devices.given(history, portal()).when(issue(ids.tablet)).then([activationIssued(ids.tablet, ids.secondActivation, at(hours(24)))]);
  });

  it('for as long as asked, up to the policy maximum', () => {
    devices.given(history, portal()).when(issue(ids.tablet, 600)).then([activationIssued(ids.tablet, ids.secondActivation, at(600))]);
    devices.given(history, portal()).when(issue(ids.tablet, defaultPolicy.activationMaxSeconds + 1)).thenFails('INVALID_COMMAND');
  });

  it('reactivates a phone where Duo Mobile is already active', () => {
    devices.given(history, portal()).when(issue(ids.mobile)).then([activationIssued(ids.mobile, ids.secondActivation, at(hours(24)))]);
  });

  it('Duo Mobile cannot run on a landline', () => {
    devices.given(history, portal()).when(issue(ids.landline)).thenFails('DEVICE_NOT_CAPABLE');
  });

  it('Duo Mobile cannot be activated on an unknown platform', () => {
    devices.given([...aliceWithMobile, unknownPlatform], portal()).when(issue(ids.secondMobile)).thenFails('DEVICE_NOT_CAPABLE');
  });

  it('nor on a hardware token', () => {
    devices.given(history, portal()).when(issue(ids.token)).thenFails('DEVICE_NOT_CAPABLE');
  });

  it('refuses an activation id already used', () => {
    devices.given([...history, activationIssued(ids.tablet, ids.secondActivation)], portal()).when(issue(ids.tablet)).thenFails('DUPLICATE');
  });

  it('is done by the user only', () => {
    devices.given(history, adminContext()).when(issue(ids.tablet, undefined, owner)).thenFails('FORBIDDEN');
  });
});

describe('ActivateDuoMobile: a known, unused, unexpired activation of that device', () => {
  const activate = (deviceId: string = ids.mobile, activationId: string = ids.activation) => command('ActivateDuoMobile', aliceInSession, { userId: alice, deviceId, activationId });
  const issued = [...aliceWithMobile, tabletEnrolled(), activationIssued(ids.mobile, ids.activation, at(hours(24)))];
  const steppedUpAt = (seconds: number) => portal({ session: steppedUpSession(ids.mobile, 'SMS', at(seconds)), now: at(seconds) });

  it('activates Duo Mobile: the phone can then push', () => {
    const state = devices.given(issued, portal()).when(activate()).then([duoMobileActivated()]);
    expect(state).toMatchObject({ phones: [{ deviceId: ids.mobile, duoMobileActivated: true }, { deviceId: ids.tablet, duoMobileActivated: false }] });
  });

  it('is valid until its expiry, not a second after', () => {
    devices.given(issued, steppedUpAt(hours(24))).when(activate()).then([duoMobileActivated()]);
    devices.given(issued, steppedUpAt(hours(24) + 1)).when(activate()).thenFails('ACTIVATION_INVALID');
  });

  it('an unknown activation is refused', () => {
    devices.given(issued, portal()).when(activate(ids.mobile, ids.secondActivation)).thenFails('ACTIVATION_INVALID');
  });

  it("another device's activation is refused", () => {
    devices.given(issued, portal()).when(activate(ids.tablet, ids.activation)).thenFails('ACTIVATION_INVALID');
  });

  it('a used activation is refused', () => {
    devices.given([...issued, duoMobileActivated()], portal()).when(activate()).thenFails('ACTIVATION_INVALID');
  });

  it('an unknown device is not found', () => {
    devices.given(issued, portal()).when(activate(ids.landline)).thenFails('NOT_FOUND');
  });
});

describe('SetDefaultDevice: at most one, with a login action it can do', () => {
  const setDefault = (deviceId: string, loginAction: 'ASK' | 'PUSH' | 'CALL') => command('SetDefaultDevice', aliceInSession, { userId: alice, deviceId, loginAction });
  const history = [...aliceWithActivatedMobile, tabletEnrolled(), landlineEnrolled(), tokenAssigned()];

  it.each([
    ['ASK on a tablet', ids.tablet, 'ASK'],
    ['PUSH on a mobile with Duo Mobile', ids.mobile, 'PUSH'],
    ['CALL on a mobile', ids.mobile, 'CALL'],
    ['CALL on a landline', ids.landline, 'CALL'],
    ['ASK on a landline', ids.landline, 'ASK'],
  ] as const)('%s', (_case, deviceId, loginAction) => {
    const state = devices.given(history, portal()).when(setDefault(deviceId, loginAction)).then([defaultSet(deviceId, loginAction)]);
    expect(state).toMatchObject({ defaultDevice: { deviceId, loginAction } });
  });

  it.each([
    ['PUSH needs Duo Mobile activated', ids.tablet, 'PUSH'],
    ['PUSH cannot reach a landline', ids.landline, 'PUSH'],
    ['CALL needs a number', ids.tablet, 'CALL'],
    ['a hardware token is never the default', ids.token, 'ASK'],
  ] as const)('%s', (_rule, deviceId, loginAction) => {
    devices.given(history, portal()).when(setDefault(deviceId, loginAction)).thenFails('DEVICE_NOT_CAPABLE');
  });

  it('a new default replaces the old one', () => {
    const state = devices.given([...history, defaultSet(ids.mobile, 'PUSH')], portal()).when(setDefault(ids.landline, 'CALL')).then([defaultSet(ids.landline, 'CALL')]);
    expect(state).toMatchObject({ defaultDevice: { deviceId: ids.landline, loginAction: 'CALL' } });
  });

  it('the same default with the same action changes nothing; another action is a change', () => {
    devices.given([...history, defaultSet(ids.mobile, 'PUSH')], portal()).when(setDefault(ids.mobile, 'PUSH')).then([]);
    devices.given([...history, defaultSet(ids.mobile, 'PUSH')], portal()).when(setDefault(ids.mobile, 'ASK')).then([defaultSet(ids.mobile, 'ASK')]);
  });
});

describe('RemoveDevice: never the last device through self-service', () => {
  const remove = (deviceId: string, actor = aliceInSession) => command('RemoveDevice', actor, { userId: alice, deviceId });
  const removed = (deviceId: string, kind: 'MOBILE' | 'TABLET', wasDefault = false, phoneNumber?: string): UserDevicesEvent => ({
    type: 'DeviceRemoved',
    data: { accountId, userId: alice, deviceId, kind, wasDefault, ...(phoneNumber === undefined ? {} : { phoneNumber }) },
  });

  it('removes a phone, recording its number so that the number can be released', () => {
    devices.given([...aliceWithMobile, tabletEnrolled()], portal({ session: steppedUpSession(ids.mobile) })).when(remove(ids.mobile)).then([removed(ids.mobile, 'MOBILE', false, numbers.alice)]);
  });

  it('removing the default device leaves the user with no default', () => {
    const state = devices
      .given([...aliceWithMobile, tabletEnrolled(), defaultSet(ids.tablet, 'ASK')], portal())
      .when(remove(ids.tablet))
      .then([removed(ids.tablet, 'TABLET', true)]);
    expect(state).not.toHaveProperty('defaultDevice');
  });

  it('a user can never remove their last device', () => {
    devices.given(aliceWithMobile, portal()).when(remove(ids.mobile)).thenFails('LAST_DEVICE');
  });

  it('a hardware token counts as a device', () => {
    devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(remove(ids.mobile)).then([removed(ids.mobile, 'MOBILE', false, numbers.alice)]);
  });

  it.each(['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'] as const)("an administrator (%s) may remove a user's last device", (role) => {
    const adminId = { OWNER: ids.owner, ADMINISTRATOR: ids.administrator, USER_MANAGER: ids.userManager, HELP_DESK: ids.helpDesk }[role];
    devices.given(aliceWithMobile, adminContext()).when(remove(ids.mobile, actors.admin(adminId))).then([removed(ids.mobile, 'MOBILE', false, numbers.alice)]);
  });

  it('a hardware token is removed with RemoveHardwareToken', () => {
    devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(remove(ids.token)).thenFails('DEVICE_NOT_CAPABLE');
  });

  it('an unknown device is not found', () => {
    devices.given([...aliceWithMobile, tabletEnrolled()], portal()).when(remove(ids.landline)).thenFails('NOT_FOUND');
  });
});

describe('RemoveHardwareToken: the user may remove one, never the last device', () => {
  const removeToken = (tokenId: string = ids.token, actor = aliceInSession) => command('RemoveHardwareToken', actor, { userId: alice, tokenId });
  const tokenRemoved: UserDevicesEvent = { type: 'HardwareTokenRemoved', data: { userId: alice, tokenId: ids.token, serial: '123456', tokenType: 'h6' } };

  it('removes a token while another device remains', () => {
    const state = devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(removeToken()).then([tokenRemoved]);
    expect(state).toMatchObject({ tokens: [] });
  });

  it('a token that is the last device stays', () => {
    devices.given([userRegistered(), tokenAssigned()], portal({ session: steppedUpSession(ids.token, 'PASSCODE') })).when(removeToken()).thenFails('LAST_DEVICE');
  });

  it('an unknown token, or a phone, is not found among tokens', () => {
    devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(removeToken(ids.secondToken)).thenFails('NOT_FOUND');
    devices.given([...aliceWithMobile, tokenAssigned()], portal()).when(removeToken(ids.mobile)).thenFails('NOT_FOUND');
  });

  it('is a self-service action: administrators do not use it', () => {
    devices.given([...aliceWithMobile, tokenAssigned()], adminContext()).when(removeToken(ids.token, owner)).thenFails('FORBIDDEN');
  });
});

describe('history', () => {
  it('events before the user was registered change nothing: evolve never fails', () => {
    expect([mobileEnrolled(), tokenAssigned()].reduce(userDevicesDecider.evolve, userDevicesDecider.initialState)).toEqual({ status: 'NONE' });
  });

  it('an activation recorded without its issuance still marks Duo Mobile active', () => {
    const state = [...aliceWithMobile, duoMobileActivated()].reduce(userDevicesDecider.evolve, userDevicesDecider.initialState);
    expect(state).toMatchObject({ phones: [{ duoMobileActivated: true }], activations: {} });
  });
});
