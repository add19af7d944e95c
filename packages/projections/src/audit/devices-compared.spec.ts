import * as E from 'fp-ts/Either';
import { cast, createTestHistory, openPortal, startSession, stepUp, testId, user } from '../testing';
import { decodeHistory } from './decoded-history';
import { compareDevices } from './devices-compared';
import { readHistory } from './history';

const session = testId(100);
const phone = testId(101);
const landline = testId(102);

/** 10:00 "Work phone" enrolled; 10:01 a step-up, a landline enrolled, the phone renamed "Old phone" and made the default; 10:03 the landline removed. */
const history = async () => {
  const written = createTestHistory({ start: '2026-11-28T10:00:00.000Z' });
  await openPortal(written);
  await startSession(written, session);
  await written.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', name: 'Work phone', phoneNumber: '+16502530000' });
  written.advance(60);
  await stepUp(written, session, phone);
  await written.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: landline, kind: 'LANDLINE', name: 'Desk', phoneNumber: '+16502530001' });
  await written.run('RenameDevice', user(session), { userId: cast.userId, deviceId: phone, name: 'Old phone' });
  await written.run('SetDefaultDevice', user(session), { userId: cast.userId, deviceId: phone, loginAction: 'CALL' });
  written.advance(120);
  await written.run('RemoveDevice', user(session), { userId: cast.userId, deviceId: landline });
  const read = await readHistory(written.store)();
  if (E.isLeft(read)) throw new Error('read failed');
  return decodeHistory(read.right).events;
};

describe("the auditor: a user's devices at two times, and what changed between", () => {
  it('given a device renamed and made the default between the times, then it is listed as changed, in words', async () => {
    const compared = compareDevices(await history(), cast.userId, '2026-11-28T10:00:00Z', '2026-11-28T10:02:00Z');
    expect(compared.changed).toEqual([{ deviceId: phone, name: 'Old phone', changes: ['renamed from "Work phone" to "Old phone"', 'made the default'] }]);
    expect(compared.added).toEqual([{ deviceId: landline, name: 'Desk', kind: 'LANDLINE' }]);
    expect(compared.removed).toEqual([]);
  });

  it('given a device enrolled and removed between the times, then it is neither added nor removed, but its events are listed with who did them', async () => {
    const compared = compareDevices(await history(), cast.userId, '2026-11-28T10:00:00Z', '2026-11-28T10:03:00Z');
    expect(compared.added).toEqual([]);
    expect(compared.removed).toEqual([]);
    expect(compared.events.map((entry) => entry.type)).toEqual(['DeviceEnrolled', 'DeviceRenamed', 'DefaultSet', 'DeviceRemoved']);
    expect(compared.events.every((entry) => entry.who.kind === 'user' && entry.stepUp?.deviceId === phone)).toBe(true);
  });

  it('given a device present at the first time and removed by the second, then it is removed, by the name it had', async () => {
    const compared = compareDevices(await history(), cast.userId, '2026-11-28T10:02:00Z', '2026-11-28T10:03:00Z');
    expect(compared.removed).toEqual([{ deviceId: landline, name: 'Desk', kind: 'LANDLINE' }]);
    expect(compared.events.map((entry) => entry.type)).toEqual(['DeviceRemoved']);
  });

  it('given a first time before the user was registered, then everything they had at the second is added', async () => {
    const compared = compareDevices(await history(), cast.userId, '2026-11-28T09:00:00Z', '2026-11-28T10:00:00.000Z');
    expect(compared.before).toEqual({ status: 'NONE' });
    expect(compared.added).toEqual([{ deviceId: phone, name: 'Work phone', kind: 'MOBILE' }]);
    expect(compared.events.map((entry) => entry.type)).toEqual(['UserRegistered', 'DeviceEnrolled']);
  });
});
