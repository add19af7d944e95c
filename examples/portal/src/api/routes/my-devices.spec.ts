import { api, appendedBy, etagOfDevices, seedIds, signedInUser, startApiPortal, steppedUpLee, type ApiPortal, type SignedInUser } from '../testing';

const phone = `/api/me/devices/${seedIds.leePhone}`;

describe('the API of My Settings & Devices', () => {
  let portal: ApiPortal;
  let lee: SignedInUser;

  beforeEach(async () => {
    portal = await startApiPortal();
    lee = await steppedUpLee(portal);
  });
  afterEach(() => portal.close());

  describe('GET /api/me/devices', () => {
    it('given a stepped-up user, answers their phones and tokens with the ETag of their devices', async () => {
      const response = await api(portal, { method: 'GET', url: '/api/me/devices', cookie: lee.cookie });

      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toMatch(/^"\d+"$/);
      const body = response.json<{ username: string; phones: { deviceId: string; maskedNumber: string }[]; hardwareTokens: { tokenId: string }[] }>();
      expect(body.username).toBe('lee');
      expect(body.phones).toEqual([expect.objectContaining({ deviceId: seedIds.leePhone, maskedNumber: '•••0142' })]);
      expect(body.hardwareTokens).toEqual([expect.objectContaining({ tokenId: seedIds.leeToken })]);
    });

    it('given a step-up begun and never completed, shows nothing (the 2017 flaw)', async () => {
      const jordanLike = await signedInUser(portal, 'lee', seedIds.lee);
      await portal.services.execute({
        type: 'BeginStepUp',
        actor: { kind: 'user', userId: seedIds.lee, sessionId: jordanLike.sessionId },
        data: { sessionId: jordanLike.sessionId, deviceId: seedIds.leePhone, method: 'SMS' },
      });

      const response = await api(portal, { method: 'GET', url: '/api/me/devices', cookie: jordanLike.cookie });

      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'STEP_UP_REQUIRED', status: 403, type: 'urn:ssp:error:STEP_UP_REQUIRED' });
    });

    it.each([
      ['no session cookie', undefined],
      ['a tampered session cookie', 'portal.sid=forged.c2lnbmF0dXJl'],
    ])('given %s, answers 401 NOT_AUTHENTICATED', async (_case, cookie) => {
      const response = await api(portal, { method: 'GET', url: '/api/me/devices', ...(cookie === undefined ? {} : { cookie }) });

      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'NOT_AUTHENTICATED', status: 401 });
    });

    it('answers one phone by its id, and 404 for a device that is not the user\'s', async () => {
      const own = await api(portal, { method: 'GET', url: phone, cookie: lee.cookie });
      const other = await api(portal, { method: 'GET', url: `/api/me/devices/${seedIds.jordan}`, cookie: lee.cookie });

      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ deviceId: seedIds.leePhone, name: "Lee's phone" });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('PATCH /api/me/devices/:deviceId (rename)', () => {
    it('renames with the current ETag, and answers a new ETag that GET then shows', async () => {
      const etag = await etagOfDevices(portal, lee.cookie);

      const { response, appended } = await appendedBy(portal, () =>
        api(portal, { method: 'PATCH', url: phone, cookie: lee.cookie, body: { name: 'Work phone' }, headers: { 'if-match': etag } }),
      );

      expect(response.statusCode).toBe(200);
      expect(appended).toBe(1);
      expect(response.headers.etag).not.toBe(etag);
      expect(await etagOfDevices(portal, lee.cookie)).toBe(response.headers.etag);
      const after = await api(portal, { method: 'GET', url: phone, cookie: lee.cookie });
      expect(after.json()).toMatchObject({ name: 'Work phone' });
    });

    it('given a stale ETag, answers 412 and appends nothing', async () => {
      const stale = await etagOfDevices(portal, lee.cookie);
      await api(portal, { method: 'PATCH', url: phone, cookie: lee.cookie, body: { name: 'First' }, headers: { 'if-match': stale } });

      const { response, appended } = await appendedBy(portal, () =>
        api(portal, { method: 'PATCH', url: phone, cookie: lee.cookie, body: { name: 'Second' }, headers: { 'if-match': stale } }),
      );

      expect(response.statusCode).toBe(412);
      expect(response.json()).toMatchObject({ code: 'PRECONDITION_FAILED' });
      expect(appended).toBe(0);
    });

    it('given no If-Match, answers 428 and appends nothing', async () => {
      const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PATCH', url: phone, cookie: lee.cookie, body: { name: 'Work phone' } }));

      expect(response.statusCode).toBe(428);
      expect(response.json()).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
      expect(appended).toBe(0);
    });

    it.each([
      ['an extra field', { name: 'Work phone', role: 'OWNER' }, 'role'],
      ['a field of the wrong type', { name: 5 }, 'name'],
      ['a missing field', {}, 'name'],
      ['the user id, which is the session\'s', { name: 'Work phone', userId: seedIds.jordan }, 'userId'],
      ['malformed JSON', '{"name": ', 'body'],
      ['a name the domain refuses', { name: '   ' }, 'name'],
    ])('given %s, answers 400 INVALID_COMMAND naming the field, and appends nothing', async (_case, body, field) => {
      const etag = await etagOfDevices(portal, lee.cookie);

      const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PATCH', url: phone, cookie: lee.cookie, body, headers: { 'if-match': etag } }));

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field });
      expect(appended).toBe(0);
    });

    it("given another user's device id, answers 404 and appends nothing", async () => {
      const etag = await etagOfDevices(portal, lee.cookie);

      const { response, appended } = await appendedBy(portal, () =>
        api(portal, { method: 'PATCH', url: `/api/me/devices/${seedIds.jordan}`, cookie: lee.cookie, body: { name: 'Mine now' }, headers: { 'if-match': etag } }),
      );

      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect(appended).toBe(0);
    });

    it('given a tampered session cookie, answers 401 and appends nothing', async () => {
      const { response, appended } = await appendedBy(portal, () =>
        api(portal, { method: 'PATCH', url: phone, cookie: `${lee.cookie}x`, body: { name: 'Work phone' }, headers: { 'if-match': '*' } }),
      );

      expect(response.statusCode).toBe(401);
      expect(appended).toBe(0);
    });
  });

  describe('POST /api/me/devices (enroll)', () => {
    it('enrolls a tablet after the step-up: 201, its Location, a new ETag', async () => {
      const etag = await etagOfDevices(portal, lee.cookie);

      const { response, appended } = await appendedBy(portal, () =>
        api(portal, { method: 'POST', url: '/api/me/devices', cookie: lee.cookie, body: { kind: 'TABLET', platform: 'IOS', name: 'iPad' }, headers: { 'if-match': etag } }),
      );

      expect(response.statusCode).toBe(201);
      expect(appended).toBe(1);
      const { deviceId } = response.json<{ deviceId: string }>();
      expect(response.headers.location).toBe(`/api/me/devices/${deviceId}`);
      const created = await api(portal, { method: 'GET', url: `/api/me/devices/${deviceId}`, cookie: lee.cookie });
      expect(created.json()).toMatchObject({ name: 'iPad', kind: 'TABLET' });
    });

    it('enrolls a first device on the password alone (If-Match: *), and the same request again changes nothing', async () => {
      const jordan = await signedInUser(portal, 'jordan', seedIds.jordan);
      const request = {
        method: 'POST' as const,
        url: '/api/me/devices',
        cookie: jordan.cookie,
        body: { deviceId: 'd0000000-0000-4000-8000-000000000001', kind: 'MOBILE', phoneNumber: '+1 415 555 0100', platform: 'IOS' },
        headers: { 'if-match': '*', 'idempotency-key': 'c1000000-0000-4000-8000-000000000001' },
      };

      const first = await appendedBy(portal, () => api(portal, request));
      const again = await appendedBy(portal, () => api(portal, request));

      expect(first.response.statusCode).toBe(201);
      expect(first.appended).toBeGreaterThan(0);
      expect(again.response.statusCode).toBe(201);
      expect(again.appended).toBe(0);
    });

    it('refuses a mobile without a number with the domain\'s message naming the field', async () => {
      const etag = await etagOfDevices(portal, lee.cookie);

      const { response, appended } = await appendedBy(portal, () =>
        api(portal, { method: 'POST', url: '/api/me/devices', cookie: lee.cookie, body: { kind: 'MOBILE' }, headers: { 'if-match': etag } }),
      );

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field: 'phoneNumber' });
      expect(appended).toBe(0);
    });
  });

  describe('DELETE /api/me/devices/:deviceId', () => {
    it('removes the phone when the user keeps a token', async () => {
      const etag = await etagOfDevices(portal, lee.cookie);

      const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'DELETE', url: phone, cookie: lee.cookie, headers: { 'if-match': etag } }));

      expect(response.statusCode).toBe(200);
      expect(appended).toBeGreaterThan(0);
      expect((await api(portal, { method: 'GET', url: phone, cookie: lee.cookie })).statusCode).toBe(404);
    });
  });
});
