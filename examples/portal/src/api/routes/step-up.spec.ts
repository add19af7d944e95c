import { api, appendedBy, seedIds, signedInUser, startApiPortal, type ApiPortal, type SignedInUser } from '../testing';

describe('the API of the authentication prompt: the step-up', () => {
  let portal: ApiPortal;
  let lee: SignedInUser;

  beforeEach(async () => {
    portal = await startApiPortal();
    lee = await signedInUser(portal, 'lee', seedIds.lee);
  });
  afterEach(() => portal.close());

  const begin = (method: string) =>
    appendedBy(portal, () => api(portal, { method: 'POST', url: '/api/me/step-up', cookie: lee.cookie, body: { deviceId: seedIds.leePhone, method } }));

  it('answers the devices to choose from, by name and last digits', async () => {
    const response = await api(portal, { method: 'GET', url: '/api/me/step-up/devices', cookie: lee.cookie });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      devices: [
        { deviceId: seedIds.leePhone, label: "Lee's phone (•••0142)", kind: 'phone' },
        { deviceId: seedIds.leeToken, label: 'Hardware token T6-1001', kind: 'token' },
      ],
    });
  });

  it('begins an SMS step-up (202, pending), and the passcode the phone shows completes it', async () => {
    const begun = await begin('SMS');
    const pending = await api(portal, { method: 'GET', url: '/api/me/step-up', cookie: lee.cookie });
    const passcode = portal.authenticator.challengeOf(lee.sessionId)?.passcode;

    const answered = await api(portal, { method: 'POST', url: '/api/me/step-up/passcode', cookie: lee.cookie, body: { passcode } });

    expect(begun.response.statusCode).toBe(202);
    expect(begun.appended).toBe(1);
    expect(pending.json()).toMatchObject({ pendingStepUp: { deviceId: seedIds.leePhone, method: 'SMS' } });
    expect(pending.json()).not.toHaveProperty('completedStepUp');
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ completedStepUp: { deviceId: seedIds.leePhone, method: 'SMS' } });
    expect((await api(portal, { method: 'GET', url: '/api/me/devices', cookie: lee.cookie })).statusCode).toBe(200);
  });

  it('given a wrong passcode, fails the step-up (403 STEP_UP_REQUIRED) and shows no device', async () => {
    await begin('SMS');

    const answered = await api(portal, { method: 'POST', url: '/api/me/step-up/passcode', cookie: lee.cookie, body: { passcode: 'not-it' } });

    expect(answered.statusCode).toBe(403);
    expect(answered.json()).toMatchObject({ code: 'STEP_UP_REQUIRED' });
    expect((await api(portal, { method: 'GET', url: '/api/me/devices', cookie: lee.cookie })).statusCode).toBe(403);
  });

  it('refuses push on a phone without Duo Mobile: 422 DEVICE_NOT_CAPABLE, nothing appended', async () => {
    const { response, appended } = await begin('PUSH');

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DEVICE_NOT_CAPABLE' });
    expect(appended).toBe(0);
  });

  it('refuses a body naming the session, which is the server\'s: 400, nothing appended', async () => {
    const { response, appended } = await appendedBy(portal, () =>
      api(portal, { method: 'POST', url: '/api/me/step-up', cookie: lee.cookie, body: { sessionId: lee.sessionId, deviceId: seedIds.leePhone, method: 'SMS' } }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field: 'sessionId' });
    expect(appended).toBe(0);
  });
});
