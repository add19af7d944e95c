import { projectionSpec, createTestHistory, cast, openPortal, owner, startSession, stepUp, testId, user } from '../testing';
import { mySettingsAndDevicesProjection } from './my-settings-and-devices';

const session = testId(100);
const phone = testId(101);
const tablet = testId(102);
const token = testId(103);

describe('My Settings & Devices', () => {
  it('shows each phone masked, its Duo Mobile status, the default and the tokens, with when each was added', async () => {
    // Given a user who enrolled a first phone, stepped up on it, and managed their devices
    const history = createTestHistory({ start: '2026-11-28T10:00:00.000Z' });
    await openPortal(history);
    await startSession(history, session);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000', name: 'Work phone' });
    await stepUp(history, session, phone);
    history.advance(30);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: tablet, kind: 'TABLET', platform: 'ANDROID' });
    await history.run('RenameDevice', user(session), { userId: cast.userId, deviceId: tablet, name: 'Tablet' });
    await history.run('IssueDuoMobileActivation', user(session), { userId: cast.userId, deviceId: phone, activationId: testId(104) });
    await history.run('ActivateDuoMobile', user(session), { userId: cast.userId, deviceId: phone, activationId: testId(104) });
    await history.run('SetDefaultDevice', user(session), { userId: cast.userId, deviceId: phone, loginAction: 'PUSH' });
    await history.run('AssignHardwareToken', owner, { userId: cast.userId, tokenId: token, serial: 'YK-1', tokenType: 'yk' });

    // Then the user's page shows
    await projectionSpec(mySettingsAndDevicesProjection)
      .givenStore(history.store)
      .then({
        [cast.userId]: {
          userId: cast.userId,
          accountId: cast.accountId,
          username: 'ada',
          phones: [
            {
              deviceId: phone,
              name: 'Work phone',
              kind: 'MOBILE',
              platform: 'IOS',
              maskedNumber: '•••0000',
              duoMobile: { status: 'ACTIVATED' },
              isDefault: true,
              loginAction: 'PUSH',
              addedAt: '2026-11-28T10:00:00.000Z',
            },
            {
              deviceId: tablet,
              name: 'Tablet',
              kind: 'TABLET',
              platform: 'ANDROID',
              duoMobile: { status: 'NOT_ACTIVATED' },
              isDefault: false,
              addedAt: '2026-11-28T10:00:30.000Z',
            },
          ],
          hardwareTokens: [{ tokenId: token, tokenType: 'yk', serial: 'YK-1', addedAt: '2026-11-28T10:00:30.000Z' }],
          updatedAt: '2026-11-28T10:00:30.000Z',
        },
      });
  });

  it('drops a removed phone and the default with it, and a removed token', async () => {
    const history = createTestHistory();
    await openPortal(history);
    await startSession(history, session);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: phone, kind: 'MOBILE', platform: 'IOS', phoneNumber: '+16502530000' });
    await stepUp(history, session, phone);
    await history.run('EnrollDevice', user(session), { userId: cast.userId, deviceId: tablet, kind: 'TABLET', platform: 'ANDROID' });
    await history.run('AssignHardwareToken', owner, { userId: cast.userId, tokenId: token, serial: 'T-9', tokenType: 't6' });
    await history.run('SetDefaultDevice', user(session), { userId: cast.userId, deviceId: phone, loginAction: 'ASK' });
    await history.run('RemoveHardwareToken', user(session), { userId: cast.userId, tokenId: token });
    await history.run('RemoveDevice', user(session), { userId: cast.userId, deviceId: phone });

    const documents = await projectionSpec(mySettingsAndDevicesProjection).givenStore(history.store).documents();
    const page = documents[cast.userId];
    expect(page?.phones.map((p) => [p.deviceId, p.isDefault])).toEqual([[tablet, false]]);
    expect(page?.hardwareTokens).toEqual([]);
  });
});
