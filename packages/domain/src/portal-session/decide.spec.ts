import type { StepUpMethod } from '../shared/enums';
import { defaultPolicy } from '../shared/policy';
import { actors, at, command, decide, ids, minutes, portalSessionContext, T0, type Histories } from '../testing';
import {
  aliceWithActivatedMobile,
  aliceWithMobile,
  applicationRegistered,
  editionChanged,
  eligibleAccount,
  landlineEnrolled,
  newEnrollmentDisabled,
  newEnrollmentEnabled,
  portalApplication,
  selfServiceDisabled,
  sessionEnded,
  sessionStarted,
  stepUpBegun,
  stepUpCompleted,
  stepUpFailed,
  tabletEnrolled,
  tokenAssigned,
  userRegistered,
  mobileEnrolled,
  numbers,
} from '../testing/histories';
import { portalSessionDecider } from '.';

const session = decide(portalSessionDecider);
const { session: sessionId, alice } = ids;
const aliceInSession = actors.user(alice, sessionId);
const context = (overrides: Histories = {}) =>
  portalSessionContext({ account: eligibleAccount(), application: portalApplication, user: aliceWithMobile, ...overrides });

describe('StartPortalSession: after primary authentication, for one user through one application', () => {
  const start = (actor = actors.user(alice), userId: string = alice) => command('StartPortalSession', actor, { sessionId, userId, applicationId: ids.application });

  it('starts a session that ends 15 minutes later', () => {
    session.given([], context()).when(start()).then([sessionStarted(T0)]);
  });

  it('lasts as long as the policy says', () => {
    session
      .given([], context({ policy: { ...defaultPolicy, sessionSeconds: minutes(30) } }))
      .when(start())
      .then([sessionStarted(T0, { sessionSeconds: minutes(30) })]);
  });

  it('a user with no device may start one (to enroll a first device)', () => {
    session.given([], context({ user: [userRegistered()] })).when(start()).then([sessionStarted(T0)]);
  });

  it('a user starts sessions only for themselves', () => {
    session.given([], context()).when(start(actors.user(ids.bob), alice)).thenFails('SESSION_MISMATCH');
  });

  it('only a user starts one', () => {
    session.given([], context()).when(start(actors.admin(ids.owner))).thenFails('FORBIDDEN');
  });

  it('refuses a session id already used', () => {
    session.given([sessionStarted()], context()).when(start()).thenFails('DUPLICATE');
  });

  it('an unknown user is not found', () => {
    session.given([], context({ user: [] })).when(start()).thenFails('NOT_FOUND');
  });

  it("an unknown application, or one of another account than the user's, is not found", () => {
    session.given([], context({ application: [] })).when(start()).thenFails('NOT_FOUND');
    session.given([], context({ application: [applicationRegistered('WEB_SDK', ids.application, ids.otherAccount)] })).when(start()).thenFails('NOT_FOUND');
  });

  it('needs self-service enabled on the application', () => {
    session.given([], context({ application: [applicationRegistered()] })).when(start()).thenFails('SELF_SERVICE_NOT_ENABLED');
    session.given([], context({ application: [...portalApplication, selfServiceDisabled()] })).when(start()).thenFails('SELF_SERVICE_NOT_ENABLED');
  });

  it('is refused while self-service is suspended by an edition downgrade, and allowed again once the edition is upgraded', () => {
    const downgraded = [...eligibleAccount(), editionChanged('PERSONAL', 'ENTERPRISE')];
    session.given([], context({ account: downgraded })).when(start()).thenFails('SELF_SERVICE_NOT_ENABLED');
    session.given([], context({ account: [...downgraded, editionChanged('BEYOND', 'PERSONAL')] })).when(start()).then([sessionStarted(T0)]);
  });

  it('is refused while self-service is suspended by new enrollment disabled, and allowed again once it is enabled', () => {
    const disabled = [...eligibleAccount(), newEnrollmentDisabled()];
    session.given([], context({ account: disabled })).when(start()).thenFails('SELF_SERVICE_NOT_ENABLED');
    session.given([], context({ account: [...disabled, newEnrollmentEnabled()] })).when(start()).then([sessionStarted(T0)]);
  });
});

describe('BeginStepUp: on a device the user owns, with a method it can do', () => {
  const begin = (deviceId: string, method: StepUpMethod, actor = aliceInSession) => command('BeginStepUp', actor, { sessionId, deviceId, method });
  const begun = (deviceId: string, method: StepUpMethod, begunAt = T0) => stepUpBegun(deviceId, method, begunAt);
  const withDevices = (user: Histories['user']) => context({ user });

  it.each([
    ['a mobile', ids.mobile, 'SMS'],
    ['a mobile', ids.mobile, 'CALL'],
    ['a landline', ids.landline, 'CALL'],
    ['a hardware token', ids.token, 'PASSCODE'],
    ['a mobile with Duo Mobile', ids.mobile, 'PUSH'],
    ['a mobile with Duo Mobile', ids.mobile, 'PASSCODE'],
  ] as const)('%s can do %s', (_device, deviceId, method) => {
    const user = [...aliceWithActivatedMobile, landlineEnrolled(), tokenAssigned()];
    session.given([sessionStarted()], withDevices(user)).when(begin(deviceId, method)).then([begun(deviceId, method)]);
  });

  it("only the session's own user's devices can answer its challenge", () => {
    const someoneElse = [userRegistered(ids.bob), mobileEnrolled(ids.mobile, numbers.alice)];
    session.given([sessionStarted()], withDevices(someoneElse)).when(begin(ids.mobile, 'SMS')).thenFails('SESSION_MISMATCH');
  });

  it.each([
    ['push needs Duo Mobile activated', ids.mobile, 'PUSH'],
    ['a passcode needs Duo Mobile activated', ids.mobile, 'PASSCODE'],
    ['a landline cannot receive SMS', ids.landline, 'SMS'],
    ['a landline cannot run Duo Mobile', ids.landline, 'PUSH'],
    ['a tablet has no number to call', ids.tablet, 'CALL'],
    ['a tablet cannot receive SMS', ids.tablet, 'SMS'],
    ['a tablet needs Duo Mobile activated to push', ids.tablet, 'PUSH'],
    ['a hardware token only gives passcodes', ids.token, 'PUSH'],
    ['a hardware token cannot be called', ids.token, 'CALL'],
  ] as const)('%s', (_rule, deviceId, method) => {
    const user = [...aliceWithMobile, landlineEnrolled(), tabletEnrolled(), tokenAssigned()];
    session.given([sessionStarted()], withDevices(user)).when(begin(deviceId, method)).thenFails('DEVICE_NOT_CAPABLE');
  });

  it("another user's device is not found among the user's devices", () => {
    session.given([sessionStarted()], context()).when(begin(ids.secondMobile, 'SMS')).thenFails('NOT_FOUND');
  });

  it('a user with no device at all cannot step up', () => {
    session.given([sessionStarted()], withDevices([userRegistered()])).when(begin(ids.mobile, 'SMS')).thenFails('NOT_FOUND');
  });

  it('an unknown user is not found', () => {
    session.given([sessionStarted()], withDevices([])).when(begin(ids.mobile, 'SMS')).thenFails('NOT_FOUND');
  });

  it("must be begun in the actor's own session", () => {
    session.given([sessionStarted()], context()).when(begin(ids.mobile, 'SMS', actors.user(alice, ids.otherSession))).thenFails('SESSION_MISMATCH');
  });

  it("a session of one user grants nothing to another", () => {
    session.given([sessionStarted()], context()).when(begin(ids.mobile, 'SMS', actors.user(ids.bob, sessionId))).thenFails('SESSION_MISMATCH');
  });

  it('only the user begins one', () => {
    session.given([sessionStarted()], context()).when(begin(ids.mobile, 'SMS', actors.authenticator)).thenFails('FORBIDDEN');
  });

  it('a session that does not exist is not found', () => {
    session.given([], context()).when(begin(ids.mobile, 'SMS')).thenFails('NOT_FOUND');
  });

  it('a session that ended, or is older than 15 minutes, is over', () => {
    session.given([sessionStarted(), sessionEnded()], context()).when(begin(ids.mobile, 'SMS')).thenFails('STEP_UP_EXPIRED');
    session.given([sessionStarted()], context({ now: at(minutes(15) + 1) })).when(begin(ids.mobile, 'SMS')).thenFails('STEP_UP_EXPIRED');
    session.given([sessionStarted()], context({ now: at(minutes(15)) })).when(begin(ids.mobile, 'SMS')).then([begun(ids.mobile, 'SMS', at(minutes(15)))]);
  });
});

describe('CompleteStepUp / FailStepUp: only the authenticator answers a challenge', () => {
  const complete = (actor = actors.authenticator) => command('CompleteStepUp', actor, { sessionId });
  const fail = (actor = actors.authenticator) => command('FailStepUp', actor, { sessionId });
  const challenged = [sessionStarted(), stepUpBegun()];

  it('the authenticator completes the challenge begun, at the time it does', () => {
    const state = session.given(challenged, context({ now: at(20) })).when(complete()).then([stepUpCompleted(ids.mobile, 'SMS', at(20))]);
    expect(state).toMatchObject({ completedStepUp: { deviceId: ids.mobile, method: 'SMS', completedAt: at(20) } });
    expect(state).not.toHaveProperty('pendingStepUp');
  });

  it('the authenticator fails it, and a failed challenge can no longer be completed', () => {
    session.given(challenged, context({ now: at(20) })).when(fail()).then([stepUpFailed(ids.mobile, 'SMS', at(20))]);
    session.given([...challenged, stepUpFailed()], context()).when(complete()).thenFails('STEP_UP_REQUIRED');
  });

  it('a challenge begun is not a step-up completed', () => {
    const state = session.given([sessionStarted()], context()).when(command('BeginStepUp', aliceInSession, { sessionId, deviceId: ids.mobile, method: 'SMS' })).then([stepUpBegun()]);
    expect(state).not.toHaveProperty('completedStepUp');
  });

  it.each([
    ['the user', aliceInSession],
    ['the system', actors.system],
    ['an administrator', actors.admin(ids.owner)],
  ])('%s cannot declare it done or failed', (_who, actor) => {
    session.given(challenged, context()).when(complete(actor)).thenFails('FORBIDDEN');
    session.given(challenged, context()).when(fail(actor)).thenFails('FORBIDDEN');
  });

  it('there must be a challenge to answer', () => {
    session.given([sessionStarted()], context()).when(complete()).thenFails('STEP_UP_REQUIRED');
    session.given([sessionStarted(), ...challenged.slice(1), stepUpCompleted()], context()).when(complete()).thenFails('STEP_UP_REQUIRED');
  });

  it('in a session that exists and is not over', () => {
    session.given([], context()).when(complete()).thenFails('NOT_FOUND');
    session.given([...challenged, sessionEnded()], context()).when(complete()).thenFails('STEP_UP_EXPIRED');
    session.given(challenged, context({ now: at(minutes(15) + 1) })).when(fail()).thenFails('STEP_UP_EXPIRED');
  });
});

describe('EndPortalSession: by its user or the system', () => {
  const end = (actor = aliceInSession) => command('EndPortalSession', actor, { sessionId });

  it('the user closes it', () => {
    session.given([sessionStarted()], context({ now: at(60) })).when(end()).then([sessionEnded(at(60))]);
  });

  it('the system closes it, and a closed session stays closed', () => {
    const state = session
      .given([sessionStarted(), stepUpBegun(), stepUpCompleted()], context({ now: at(60) }))
      .when(end(actors.system))
      .then([{ type: 'PortalSessionEnded', data: { sessionId, userId: alice, endedAt: at(60), endedBy: 'system' } }]);
    expect(state.status).toBe('ENDED');
    session.given([sessionStarted(), sessionEnded()], context()).when(end()).then([]);
  });

  it('another user cannot close it', () => {
    session.given([sessionStarted()], context()).when(end(actors.user(ids.bob, sessionId))).thenFails('SESSION_MISMATCH');
  });

  it('the authenticator cannot close it', () => {
    session.given([sessionStarted()], context()).when(end(actors.authenticator)).thenFails('FORBIDDEN');
  });

  it('a session that does not exist is not found', () => {
    session.given([], context()).when(end()).thenFails('NOT_FOUND');
  });
});

describe('history', () => {
  it('events before the session started change nothing: evolve never fails', () => {
    expect([stepUpBegun(), stepUpCompleted()].reduce(portalSessionDecider.evolve, portalSessionDecider.initialState)).toEqual({ status: 'NONE' });
  });
});
