import { cast, createTestHistory, openPortal, projectionSpec, startSession, stepUp, testId, user } from '../testing';
import { auditTrailProjection } from './audit-trail';

describe('Audit trail', () => {
  it('has every event in order with when, who and what, and the step-up for device changes', async () => {
    const history = createTestHistory();
    await openPortal(history);
    const session = testId(100);
    await startSession(history, session);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: testId(101), kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000', name: 'Mine' });
    await stepUp(history, session, testId(101));
    await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: testId(101), name: 'Work' });

    const entries = Object.values(await projectionSpec(auditTrailProjection).givenStore(history.store).documents());

    expect(entries.map((e) => e.type)).toEqual([
      'AccountOpened', 'NewEnrollmentEnabled', 'AdministratorAdded', 'ApplicationRegistered', 'SelfServiceEnabled', 'UserRegistered',
      'PortalSessionStarted', 'PhoneNumberClaimed', 'DeviceEnrolled', 'StepUpBegun', 'StepUpCompleted', 'DeviceRenamed',
    ].filter((type) => entries.some((e) => e.type === type)));
    const enabled = entries.find((e) => e.type === 'SelfServiceEnabled');
    expect(enabled?.what).toBe(`administrator ${cast.appManagerId} (APPLICATION_MANAGER) enabled self-service on application ${cast.applicationId}`);
    const enrolled = entries.find((e) => e.type === 'DeviceEnrolled');
    expect(enrolled?.firstDevice).toBe(true);
    expect(enrolled?.what).toContain('•••0000');
    expect(enrolled?.what).not.toContain('6502530000');
    const renamed = entries.find((e) => e.type === 'DeviceRenamed');
    expect(renamed?.stepUp).toEqual({ deviceId: testId(101), method: 'SMS', completedAt: history.now() });
    expect(renamed?.who).toEqual({ kind: 'user', userId: cast.userId, sessionId: session });
  });
});
