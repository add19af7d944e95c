import * as E from 'fp-ts/Either';
import { defaultPolicy } from '@ssp/domain';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../testing';
import { complianceReport, formatComplianceEntry } from './compliance-report';
import { decodeHistory } from './decoded-history';
import { readHistory } from './history';
import { formatTimelineEntry, timeline } from './timeline';

const session = testId(100);
const phone = testId(101);
const laterSession = testId(102);

/**
 * 10:00 the portal opened and "Work phone" enrolled as the first device; 10:01 a step-up and
 * its rename to "Old phone"; 10:30 a new session and its step-up; 10:40 the phone made the
 * default. The system ran with step-ups fresh for an hour; judged against the default five
 * minutes, that last change is stale.
 */
const history = async () => {
  const written = createTestHistory({ start: '2026-11-28T10:00:00.000Z', policy: { ...defaultPolicy, stepUpFreshSeconds: 3600 } });
  await openPortal(written);
  await startSession(written, session);
  await written.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', name: 'Work phone', phoneNumber: '+16502530000' });
  written.advance(60);
  await stepUp(written, session, phone);
  await written.run('RenameDevice', user(session), { userId: cast.userId, deviceId: phone, name: 'Old phone' });
  written.setTime('2026-11-28T10:30:00.000Z');
  await startSession(written, laterSession);
  await stepUp(written, laterSession, phone);
  written.setTime('2026-11-28T10:40:00.000Z');
  await written.run('SetDefaultDevice', user(laterSession), { userId: cast.userId, deviceId: phone, loginAction: 'CALL' });
  const read = await readHistory(written.store)();
  if (E.isLeft(read)) throw new Error('read failed');
  return decodeHistory(read.right).events;
};

const quoted = (name: string, id: string) => `"${name}" (${id})`;

describe('the auditor\'s reports: names beside ids, as they were then', () => {
  it('given a device renamed, when the user\'s timeline is told, then lines before the rename name it as it was and lines after by its new name', async () => {
    const events = await history();
    const entries = timeline(events, { kind: 'user', userId: cast.userId });
    const enrolled = entries.find((entry) => entry.type === 'DeviceEnrolled');
    const madeDefault = entries.find((entry) => entry.type === 'DefaultSet');
    expect(enrolled?.names).toEqual({ [cast.accountId]: 'Acme', [cast.userId]: 'ada', [phone]: 'Work phone' });
    expect(madeDefault?.whatWithNames).toBe(`made device ${quoted('Old phone', phone)} the default, login action CALL`);
    expect(madeDefault?.what).toBe(`made device ${phone} the default, login action CALL`);
    expect(madeDefault === undefined ? '' : formatTimelineEntry(madeDefault)).toBe(
      `2026-11-28T10:40:00.000Z  user ${quoted('ada', cast.userId)} in session ${laterSession} ${madeDefault?.whatWithNames ?? ''} [step-up by SMS on device ${quoted('Old phone', phone)}, completed 2026-11-28T10:30:00.000Z]`,
    );
  });

  it('given an application\'s timeline, when it is told, then the administrator is shown by id and recorded role (history gives them no name) and the application by name', async () => {
    const events = await history();
    const [registered, enabled] = timeline(events, { kind: 'application', applicationId: cast.applicationId });
    expect(registered?.applicationId).toBe(cast.applicationId);
    expect(enabled === undefined ? '' : formatTimelineEntry(enabled)).toBe(
      `2026-11-28T10:00:00.000Z  administrator ${cast.appManagerId} (APPLICATION_MANAGER) enabled self-service on application ${quoted('Intranet', cast.applicationId)}`,
    );
  });

  it('given a window, when the timeline is told, then only events at or after `from` and before `to` are in it, still named from what came before', async () => {
    const events = await history();
    const entries = timeline(events, { kind: 'user', userId: cast.userId }, { from: '2026-11-28T10:30:00Z', to: '2026-11-28T10:40:00.000Z' });
    expect(entries.map((entry) => [entry.occurredAt, entry.type])).toEqual([
      ['2026-11-28T10:30:00.000Z', 'PortalSessionStarted'],
      ['2026-11-28T10:30:00.000Z', 'StepUpBegun'],
      ['2026-11-28T10:30:00.000Z', 'StepUpCompleted'],
    ]);
    expect(entries[1]?.names[phone]).toBe('Old phone');
  });

  it('given a stale step-up, when compliance is judged, then the flagged line names the device as it was and the user who acted', async () => {
    const events = await history();
    const report = complianceReport(events);
    expect(report.flagged.map((entry) => entry.type)).toEqual(['DefaultSet']);
    expect(report.flagged.map(formatComplianceEntry)).toEqual([
      `FLAGGED STALE_STEP_UP        2026-11-28T10:40:00.000Z DefaultSet of ${quoted('Old phone', phone)} by user ${quoted('ada', cast.userId)} in session ${laterSession}: step-up by SMS on device ${quoted('Old phone', phone)}, completed 2026-11-28T10:30:00.000Z, 600s before`,
    ]);
  });

  it('given a window, when compliance is judged, then only the device changes inside it are counted, and the report says which window it covers', async () => {
    const events = await history();
    const report = complianceReport(events, { stepUpFreshSeconds: 300 }, { to: '2026-11-28T10:40:00Z' });
    expect([report.deviceChanges, report.compliant, report.flagged.length]).toEqual([2, 2, 0]);
    expect(report.window).toEqual({ to: '2026-11-28T10:40:00Z' });
    expect(report.entries.map((entry) => entry.names[phone])).toEqual(['Work phone', 'Old phone']);
  });
});
