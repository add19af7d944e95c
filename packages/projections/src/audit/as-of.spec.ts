import * as E from 'fp-ts/Either';
import { cast, createTestHistory, openPortal, owner, startSession, stepUp, testId, user } from '../testing';
import { applicationAsOf, devicesAsOf } from './as-of';
import { complianceReport } from './compliance-report';
import { decodeHistory } from './decoded-history';
import { readHistory } from './history';
import { timeline } from './timeline';

const session = testId(100);
const phone = testId(101);
const landline = testId(102);

/** 10:00 first phone; 10:01 a landline; 10:03 the phone removed; 10:05 self-service suspended by a downgrade. */
const handBuilt = async () => {
  const history = createTestHistory({ start: '2026-11-28T10:00:00.000Z' });
  await openPortal(history);
  await startSession(history, session);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
  history.advance(60);
  await stepUp(history, session, phone);
  await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: landline, kind: 'LANDLINE', phoneNumber: '+16502530001' });
  history.advance(120);
  await history.run('RemoveDevice', user(session), { userId: cast.userId, deviceId: phone });
  history.advance(120);
  await history.run('ChangeEdition', owner, { accountId: cast.accountId, edition: 'PERSONAL' });
  const read = await readHistory(history.store)();
  if (E.isLeft(read)) throw new Error('read failed');
  return decodeHistory(read.right).events;
};

const phonesAt = (events: Awaited<ReturnType<typeof handBuilt>>, time: string) => {
  const state = devicesAsOf(events, cast.userId, time);
  return state.status === 'REGISTERED' ? state.phones.map((p) => p.deviceId) : 'not registered';
};

describe('the auditor: state as of a time', () => {
  it("answers which devices the user had at T", async () => {
    const events = await handBuilt();
    expect(phonesAt(events, '2026-11-28T09:59:59Z')).toBe('not registered');
    expect(phonesAt(events, '2026-11-28T10:00:00Z')).toEqual([phone]);
    expect(phonesAt(events, '2026-11-28T10:02:00Z')).toEqual([phone, landline]);
    expect(phonesAt(events, '2026-11-28T10:03:00.000Z')).toEqual([landline]);
  });

  it("answers the application's self-service at T, and who last changed it with their role", async () => {
    const events = await handBuilt();
    const before = applicationAsOf(events, cast.applicationId, '2026-11-28T10:04:00Z');
    expect(before.selfService).toEqual({ status: 'ENABLED' });
    expect(before.lastSettingChange?.who).toEqual({ kind: 'admin', adminId: cast.appManagerId, role: 'APPLICATION_MANAGER' });
    expect(applicationAsOf(events, cast.applicationId, '2026-11-28T10:05:00Z').selfService).toEqual({ status: 'SUSPENDED', reason: 'EDITION' });
  });

  it('tells a user\'s story and finds every device change compliant', async () => {
    const events = await handBuilt();
    const story = timeline(events, { kind: 'user', userId: cast.userId });
    expect(story.map((entry) => entry.type)).toEqual([
      'UserRegistered', 'PortalSessionStarted', 'DeviceEnrolled', 'StepUpBegun', 'StepUpCompleted', 'DeviceEnrolled', 'DeviceRemoved',
    ]);
    const report = complianceReport(events);
    expect([report.deviceChanges, report.flagged.length]).toEqual([3, 0]);
  });
});
