import { api, appendedBy, etagOfDevices, seedIds, startApiPortal, steppedUpLee, type ApiPortal, type SignedInUser } from '../testing';

const phone = `/api/me/devices/${seedIds.leePhone}`;

describe('the API of My Settings & Devices: Duo Mobile, the default device, hardware tokens', () => {
  let portal: ApiPortal;
  let lee: SignedInUser;

  beforeEach(async () => {
    portal = await startApiPortal();
    lee = await steppedUpLee(portal);
  });
  afterEach(() => portal.close());

  const send = async (method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
    const etag = await etagOfDevices(portal, lee.cookie);
    return appendedBy(portal, () => api(portal, { method, url, cookie: lee.cookie, ...(body === undefined ? {} : { body }), headers: { 'if-match': etag } }));
  };

  it('issues an activation code (with the code the simulated phone scans), and the phone activates with it', async () => {
    const issued = await send('POST', `${phone}/activations`, {});
    const { activationId, activationCode, expiresAt } = issued.response.json<{ activationId: string; activationCode: string; expiresAt: string }>();

    const activated = await send('POST', `${phone}/activate`, { activationId });

    expect(issued.response.statusCode).toBe(201);
    expect(activationCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(expiresAt).toBe('2026-11-29T09:00:00.000Z');
    expect(activated.response.statusCode).toBe(200);
    const after = await api(portal, { method: 'GET', url: phone, cookie: lee.cookie });
    expect(after.json()).toMatchObject({ duoMobile: { status: 'ACTIVATED' } });
  });

  it('refuses an unknown activation with 422 ACTIVATION_INVALID, appending nothing', async () => {
    const { response, appended } = await send('POST', `${phone}/activate`, { activationId: 'a0000000-0000-4000-8000-000000000099' });

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'ACTIVATION_INVALID' });
    expect(appended).toBe(0);
  });

  it('makes the phone the default with CALL', async () => {
    const { response, appended } = await send('PUT', '/api/me/default-device', { deviceId: seedIds.leePhone, loginAction: 'CALL' });

    expect(response.statusCode).toBe(200);
    expect(appended).toBe(1);
    const after = await api(portal, { method: 'GET', url: phone, cookie: lee.cookie });
    expect(after.json()).toMatchObject({ isDefault: true, loginAction: 'CALL' });
  });

  it('refuses PUSH as the login action of a phone without Duo Mobile: 422 DEVICE_NOT_CAPABLE, nothing appended', async () => {
    const { response, appended } = await send('PUT', '/api/me/default-device', { deviceId: seedIds.leePhone, loginAction: 'PUSH' });

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DEVICE_NOT_CAPABLE' });
    expect(appended).toBe(0);
  });

  it('refuses a login action that is not one, naming the field', async () => {
    const { response, appended } = await send('PUT', '/api/me/default-device', { deviceId: seedIds.leePhone, loginAction: 'SHOUT' });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field: 'loginAction' });
    expect(appended).toBe(0);
  });

  it('removes the hardware token, then refuses to remove the last device (422 LAST_DEVICE)', async () => {
    const token = await send('DELETE', `/api/me/hardware-tokens/${seedIds.leeToken}`);
    const last = await send('DELETE', phone);

    expect(token.response.statusCode).toBe(200);
    expect(token.appended).toBe(1);
    expect(last.response.statusCode).toBe(422);
    expect(last.response.json()).toMatchObject({ code: 'LAST_DEVICE' });
    expect(last.appended).toBe(0);
  });

  it('given a step-up older than five minutes, refuses a change with 403 STEP_UP_EXPIRED', async () => {
    portal.clock.advance(301);

    const { response, appended } = await send('PUT', '/api/me/default-device', { deviceId: seedIds.leePhone, loginAction: 'CALL' });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'STEP_UP_EXPIRED' });
    expect(appended).toBe(0);
  });
});
