import * as E from 'fp-ts/Either';
import { defaultPolicy } from '../shared/policy';
import type { Actor } from '../shared/actor';
import { actors, at, command, decide, hours, ids, minutes, T0 } from '../testing';
import {
  activationIssued,
  aliceWithMobile,
  applicationRegistered,
  deviceRemoved,
  editionChanged,
  selfServiceEnabled,
  eligibleAccount,
  newEnrollmentDisabled,
  numbers,
  portal,
  portalApplication,
  selfServiceDisabled,
  sessionEnded,
  sessionStarted,
  stepUpBegun,
  stepUpCompleted,
  stepUpFailed,
  steppedUpSession,
  tabletEnrolled,
  tokenAssigned,
  userRegistered,
} from '../testing/histories';
import { userDevicesDecider, type UserDevicesCommand, type UserDevicesEvent } from '../user-devices';
import { authorisePortalChange } from '.';

const devices = decide(userDevicesDecider);
const { alice, bob, session: sessionId } = ids;
const aliceInSession = actors.user(alice, sessionId);

/** Alice has a mobile (step-up device, by SMS), a tablet with an activation pending, and a hardware token. */
const aliceHistory: readonly UserDevicesEvent[] = [...aliceWithMobile, tabletEnrolled(), activationIssued(ids.tablet, ids.activation), tokenAssigned()];

type PortalAction = Readonly<{
  command: (actor: Actor, userId?: string) => UserDevicesCommand;
  succeeds: (now: string) => readonly UserDevicesEvent[];
}>;

/** The six things a user may do in the portal, each with the events it produces when authorised. */
const portalActions: Readonly<Record<string, PortalAction>> = {
  'enroll a new device': {
    command: (actor, userId = alice) => command('EnrollDevice', actor, { userId, deviceId: ids.landline, kind: 'LANDLINE', phoneNumber: numbers.landline }),
    succeeds: () => [
      {
        type: 'DeviceEnrolled',
        data: { accountId: ids.account, userId: alice, deviceId: ids.landline, kind: 'LANDLINE', platform: 'UNKNOWN', name: 'Landline', phoneNumber: numbers.landline },
      },
    ],
  },
  'rename a phone': {
    command: (actor, userId = alice) => command('RenameDevice', actor, { userId, deviceId: ids.tablet, name: 'Kitchen iPad' }),
    succeeds: () => [{ type: 'DeviceRenamed', data: { userId: alice, deviceId: ids.tablet, name: 'Kitchen iPad', previousName: 'iOS tablet' } }],
  },
  'issue a Duo Mobile activation': {
    command: (actor, userId = alice) => command('IssueDuoMobileActivation', actor, { userId, deviceId: ids.mobile, activationId: ids.secondActivation }),
    succeeds: (now) => [activationIssued(ids.mobile, ids.secondActivation, new Date(Date.parse(now) + hours(24) * 1000).toISOString())],
  },
  'activate Duo Mobile': {
    command: (actor, userId = alice) => command('ActivateDuoMobile', actor, { userId, deviceId: ids.tablet, activationId: ids.activation }),
    succeeds: () => [{ type: 'DuoMobileActivated', data: { userId: alice, deviceId: ids.tablet, activationId: ids.activation } }],
  },
  'set the default device': {
    command: (actor, userId = alice) => command('SetDefaultDevice', actor, { userId, deviceId: ids.mobile, loginAction: 'CALL' }),
    succeeds: () => [{ type: 'DefaultSet', data: { userId: alice, deviceId: ids.mobile, loginAction: 'CALL' } }],
  },
  'remove a phone': {
    command: (actor, userId = alice) => command('RemoveDevice', actor, { userId, deviceId: ids.tablet }),
    succeeds: () => [{ type: 'DeviceRemoved', data: { accountId: ids.account, userId: alice, deviceId: ids.tablet, kind: 'TABLET', wasDefault: false } }],
  },
  'remove a hardware token': {
    command: (actor, userId = alice) => command('RemoveHardwareToken', actor, { userId, tokenId: ids.token }),
    succeeds: () => [{ type: 'HardwareTokenRemoved', data: { userId: alice, tokenId: ids.token, serial: '123456', tokenType: 'h6' } }],
  },
};

const eachAction = Object.entries(portalActions);

describe.each(eachAction)('to %s', (_name, action) => {
  const when = action.command(aliceInSession);

  it('a step-up completed in the session, 5 minutes old, authorises it', () => {
    devices.given(aliceHistory, portal({ now: at(minutes(5)) })).when(when).then(action.succeeds(at(minutes(5))));
  });

  it('the decision records the user, the session and the step-up that authorised it', () => {
    const { decision } = devices.given(aliceHistory, portal({ now: at(minutes(5)) })).when(when);
    expect(E.isRight(decision) && decision.right.actor).toEqual({
      kind: 'user',
      userId: alice,
      sessionId,
      stepUp: { deviceId: ids.mobile, method: 'SMS', completedAt: T0 },
    });
  });

  it('needs a step-up', () => {
    devices.given(aliceHistory, portal({ session: [sessionStarted()] })).when(when).thenFails('STEP_UP_REQUIRED');
  });

  it('a step-up begun but not completed grants nothing (the 2017 regression)', () => {
    devices.given(aliceHistory, portal({ session: [sessionStarted(), stepUpBegun()] })).when(when).thenFails('STEP_UP_REQUIRED');
  });

  it('a failed step-up grants nothing', () => {
    devices.given(aliceHistory, portal({ session: [sessionStarted(), stepUpBegun(), stepUpFailed()] })).when(when).thenFails('STEP_UP_REQUIRED');
  });

  it('a step-up 5 minutes and 1 second old has expired', () => {
    devices.given(aliceHistory, portal({ now: at(minutes(5) + 1) })).when(when).thenFails('STEP_UP_EXPIRED');
  });

  it('a step-up completed after the time of the decision grants nothing (another process whose clock is ahead)', () => {
    const session = [sessionStarted(T0), stepUpBegun(ids.mobile, 'SMS', at(10)), stepUpCompleted(ids.mobile, 'SMS', at(30))];
    devices.given(aliceHistory, portal({ session, now: at(29) })).when(when).thenFails('STEP_UP_REQUIRED');
  });

  it('a step-up completed at the very time of the decision authorises it', () => {
    const session = [sessionStarted(T0), stepUpBegun(ids.mobile, 'SMS', at(10)), stepUpCompleted(ids.mobile, 'SMS', at(30))];
    devices.given(aliceHistory, portal({ session, now: at(30) })).when(when).then(action.succeeds(at(30)));
  });

  it('a closed session grants nothing', () => {
    devices.given(aliceHistory, portal({ session: [...steppedUpSession(), sessionEnded(at(10))], now: at(20) })).when(when).thenFails('STEP_UP_EXPIRED');
  });

  it('a session older than 15 minutes grants nothing, even with a fresh step-up', () => {
    const session = [sessionStarted(T0), stepUpBegun(ids.mobile, 'SMS', at(minutes(12))), stepUpCompleted(ids.mobile, 'SMS', at(minutes(12)))];
    devices.given(aliceHistory, portal({ session, now: at(minutes(15) + 1) })).when(when).thenFails('STEP_UP_EXPIRED');
  });

  it("a user's session grants nothing on another user's devices", () => {
    devices.given(aliceHistory, portal()).when(action.command(aliceInSession, bob)).thenFails('SESSION_MISMATCH');
  });

  it("another user cannot use this user's session", () => {
    devices.given(aliceHistory, portal()).when(action.command(actors.user(bob, sessionId), bob)).thenFails('SESSION_MISMATCH');
  });

  it('a session judged against an application it does not run through grants nothing', () => {
    const otherApplication = [applicationRegistered('WEB_SDK', ids.otherApplication), selfServiceEnabled(ids.otherApplication)];
    devices.given(aliceHistory, portal({ application: otherApplication })).when(action.command(aliceInSession)).thenFails('SESSION_MISMATCH');
  });

  it('a session that does not exist is not found', () => {
    devices.given(aliceHistory, portal()).when(action.command(actors.user(alice, ids.otherSession))).thenFails('NOT_FOUND');
  });

  it("a session of another account grants nothing on this account's user", () => {
    const foreign = [sessionStarted(T0, { accountId: ids.otherAccount, applicationId: ids.otherApplication }), stepUpBegun(), stepUpCompleted()];
    const foreignApplication = [applicationRegistered('WEB_SDK', ids.otherApplication, ids.otherAccount)];
    devices.given(aliceHistory, portal({ session: foreign, application: foreignApplication })).when(when).thenFails('SESSION_MISMATCH');
    devices.given(aliceHistory, portal({ application: foreignApplication })).when(when).thenFails('SESSION_MISMATCH');
  });

  it('is refused once self-service is disabled on the application', () => {
    devices.given(aliceHistory, portal({ application: [...portalApplication, selfServiceDisabled()] })).when(when).thenFails('SELF_SERVICE_NOT_ENABLED');
  });

  it('is refused while an edition downgrade suspends self-service, and allowed when the edition returns', () => {
    const downgraded = [...eligibleAccount(), editionChanged('PERSONAL', 'ENTERPRISE')];
    devices.given(aliceHistory, portal({ account: downgraded })).when(when).thenFails('SELF_SERVICE_NOT_ENABLED');
    devices.given(aliceHistory, portal({ account: [...downgraded, editionChanged('ENTERPRISE', 'PERSONAL')] })).when(when).then(action.succeeds(T0));
  });

  it('is refused while disabled new enrollment suspends self-service', () => {
    devices.given(aliceHistory, portal({ account: [...eligibleAccount(), newEnrollmentDisabled()] })).when(when).thenFails('SELF_SERVICE_NOT_ENABLED');
  });

  it('is refused to a user who does not exist', () => {
    devices.given([], portal()).when(when).thenFails('NOT_FOUND');
  });
});

describe('the step-up itself', () => {
  const rename = command('RenameDevice', aliceInSession, { userId: alice, deviceId: ids.mobile, name: 'Work phone' });
  const renamed = [{ type: 'DeviceRenamed' as const, data: { userId: alice, deviceId: ids.mobile, name: 'Work phone', previousName: 'iOS phone' } }];

  it('is fresh for as long as the policy says', () => {
    const policy = { ...defaultPolicy, stepUpFreshSeconds: 60 };
    devices.given(aliceWithMobile, portal({ policy, now: at(60) })).when(rename).then(renamed);
    devices.given(aliceWithMobile, portal({ policy, now: at(61) })).when(rename).thenFails('STEP_UP_EXPIRED');
  });

  it('by passcode on a hardware token authorises changes', () => {
    devices.given([...aliceWithMobile, tokenAssigned()], portal({ session: steppedUpSession(ids.token, 'PASSCODE') })).when(rename).then(renamed);
  });

  it('stops authorising once its device is gone', () => {
    const history = [...aliceWithMobile, tabletEnrolled(), deviceRemoved(ids.mobile)];
    const renameTablet = command('RenameDevice', aliceInSession, { userId: alice, deviceId: ids.tablet, name: 'Kitchen iPad' });
    devices.given(history, portal()).when(renameTablet).thenFails('STEP_UP_REQUIRED');
  });

  it('an earlier completed step-up still authorises while a later challenge is pending or has failed', () => {
    devices.given(aliceWithMobile, portal({ session: [...steppedUpSession(), stepUpBegun(ids.mobile, 'CALL', at(10))], now: at(20) })).when(rename).then(renamed);
    devices.given(aliceWithMobile, portal({ session: [...steppedUpSession(), stepUpBegun(ids.mobile, 'CALL', at(10)), stepUpFailed(ids.mobile, 'CALL', at(15))], now: at(20) })).when(rename).then(renamed);
  });
});

describe('the first device: primary authentication alone, while new enrollment is enabled', () => {
  const enrollFirst = command('EnrollDevice', aliceInSession, { userId: alice, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber: numbers.alice, platform: 'IOS' });
  const enrolled: readonly UserDevicesEvent[] = [
    { type: 'DeviceEnrolled', data: { accountId: ids.account, userId: alice, deviceId: ids.mobile, kind: 'MOBILE', platform: 'IOS', name: 'iOS phone', phoneNumber: numbers.alice } },
  ];
  const noStepUp = [sessionStarted()];

  it('a user with no device enrolls one without a step-up', () => {
    devices.given([userRegistered()], portal({ session: noStepUp })).when(enrollFirst).then(enrolled);
  });

  it('not while new enrollment is disabled', () => {
    devices.given([userRegistered()], portal({ session: noStepUp, account: [...eligibleAccount(), newEnrollmentDisabled()] })).when(enrollFirst).thenFails('NEW_ENROLLMENT_DISABLED');
  });

  it('still only through an application with self-service enabled', () => {
    devices.given([userRegistered()], portal({ session: noStepUp, application: [applicationRegistered()] })).when(enrollFirst).thenFails('SELF_SERVICE_NOT_ENABLED');
  });

  it('the second device needs the step-up', () => {
    const second = command('EnrollDevice', aliceInSession, { userId: alice, deviceId: ids.tablet, kind: 'TABLET', platform: 'IOS' });
    devices.given(aliceWithMobile, portal({ session: noStepUp })).when(second).thenFails('STEP_UP_REQUIRED');
  });

  it('a user whose only device is a hardware token steps up with it first', () => {
    devices.given([userRegistered(), tokenAssigned()], portal({ session: noStepUp })).when(enrollFirst).thenFails('STEP_UP_REQUIRED');
  });

  it('the exemption is for enrolling only', () => {
    const activate = command('IssueDuoMobileActivation', aliceInSession, { userId: alice, deviceId: ids.mobile, activationId: ids.activation });
    devices.given([userRegistered()], portal({ session: noStepUp })).when(activate).thenFails('STEP_UP_REQUIRED');
  });
});

describe('authorisePortalChange: what history records about the authorisation', () => {
  const context = (session = steppedUpSession(ids.mobile, 'SMS', at(30))) => portal({ session, now: at(60) });
  const aliceUser = [...aliceWithMobile].reduce(userDevicesDecider.evolve, userDevicesDecider.initialState);
  const newUser = userDevicesDecider.evolve(userDevicesDecider.initialState, userRegistered());
  const userActor = { kind: 'user' as const, userId: alice, sessionId };

  it('the step-up that authorised a change: device, method, completion time', () => {
    const authorisation = authorisePortalChange(userActor, alice, aliceUser, context(), false);
    expect(authorisation).toEqual(E.right({ userId: alice, sessionId, user: aliceUser, stepUp: { deviceId: ids.mobile, method: 'SMS', completedAt: at(30) } }));
  });

  it('or the first-device exemption', () => {
    const authorisation = authorisePortalChange(userActor, alice, newUser, context([sessionStarted()]), true);
    expect(authorisation).toEqual(E.right({ userId: alice, sessionId, user: newUser, firstDevice: true }));
  });
});
