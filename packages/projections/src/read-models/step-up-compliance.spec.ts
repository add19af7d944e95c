import { cast, createTestHistory, openPortal, owner, projectionSpec, startSession, stepUp, testId, user } from '../testing';
import { stepUpComplianceProjection } from './step-up-compliance';

const session = testId(100);
const phone = testId(101);
const tablet = testId(102);

const metadataFor = (eventId: number, actor: object) => ({
  eventId: testId(eventId),
  commandId: testId(eventId + 1),
  correlationId: testId(eventId + 1),
  causationId: testId(eventId + 1),
  occurredAt: '2026-11-28T11:00:00.000Z',
  schemaVersion: 1,
  actor: { ...actor },
});

describe('Step-up compliance', () => {
  it('records each device change with its step-up and age, and flags none when every change was authorised', async () => {
    const history = createTestHistory();
    await openPortal(history);
    await startSession(history, session);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
    await stepUp(history, session, phone);
    history.advance(120);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: tablet, kind: 'TABLET', platform: 'IOS' });
    await history.run('AssignHardwareToken', owner, { userId: cast.userId, tokenId: testId(103), serial: 'S', tokenType: 'h6' });

    const entries = Object.values(await projectionSpec(stepUpComplianceProjection()).givenStore(history.store).documents());

    expect(entries.map((e) => [e.type, e.verdict, e.stepUpAgeSeconds ?? null, e.flagged])).toEqual([
      ['DeviceEnrolled', 'FIRST_DEVICE', null, false],
      ['DeviceEnrolled', 'COMPLIANT', 120, false],
    ]);
    expect(entries[1]?.stepUp).toEqual({ deviceId: phone, method: 'SMS', completedAt: '2026-11-28T10:00:00.000Z' });
  });

  it('flags a user change without a step-up, and one whose step-up was older than the policy', async () => {
    const stream = `UserDevices-${cast.userId}`;
    const stale = { deviceId: phone, method: 'PUSH', completedAt: '2026-11-28T10:50:00.000Z' };
    const rename = (name: string) => ({ userId: cast.userId, deviceId: phone, name, previousName: 'x' });
    const entries = Object.values(
      await projectionSpec(stepUpComplianceProjection({ stepUpFreshSeconds: 300 }))
        .given(
          { streamName: stream, type: 'DeviceRenamed', data: rename('a'), metadata: metadataFor(10, { kind: 'user', userId: cast.userId, sessionId: session }) },
          { streamName: stream, type: 'DeviceRenamed', data: rename('b'), metadata: metadataFor(20, { kind: 'user', userId: cast.userId, sessionId: session, stepUp: stale }) },
        )
        .documents(),
    );
    expect(entries.map((e) => [e.verdict, e.stepUpAgeSeconds ?? null, e.flagged])).toEqual([
      ['MISSING_STEP_UP', null, true],
      ['STALE_STEP_UP', 600, true],
    ]);
  });
});
