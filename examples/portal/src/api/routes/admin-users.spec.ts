import { api, appendedBy, etagOfDevices, seedIds, signedInAdmin, startApiPortal, type ApiPortal } from '../testing';

const leeDevices = `/api/admin/users/${seedIds.lee}/devices`;
const jordanDevices = `/api/admin/users/${seedIds.jordan}/devices`;

describe('the API of the Admin Panel: users and their devices', () => {
  let portal: ApiPortal;
  let sam: string;

  beforeEach(async () => {
    portal = await startApiPortal();
    sam = await signedInAdmin(portal, seedIds.sam);
  });
  afterEach(() => portal.close());

  it("lists the account's users", async () => {
    const response = await api(portal, { method: 'GET', url: '/api/admin/users', cookie: sam });

    expect(response.statusCode).toBe(200);
    expect(response.json<{ users: { username: string }[] }>().users.map((user) => user.username)).toEqual(['jordan', 'priya', 'lee']);
  });

  it("answers a user's devices with their ETag, and 404 for a user of another account", async () => {
    const lee = await api(portal, { method: 'GET', url: leeDevices, cookie: sam });
    const bob = await signedInAdmin(portal, seedIds.bob, seedIds.bakery);
    const stranger = await api(portal, { method: 'GET', url: leeDevices, cookie: bob });

    expect(lee.statusCode).toBe(200);
    expect(lee.headers.etag).toMatch(/^"\d+"$/);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('enrolls a phone for a user (201), and the ETag changes', async () => {
    const etag = await etagOfDevices(portal, sam, jordanDevices);

    const { response, appended } = await appendedBy(portal, () =>
      api(portal, { method: 'POST', url: jordanDevices, cookie: sam, body: { kind: 'LANDLINE', phoneNumber: '+1 415 555 0199', extension: '12' }, headers: { 'if-match': etag } }),
    );

    expect(response.statusCode).toBe(201);
    expect(appended).toBeGreaterThan(0);
    expect(response.json()).toHaveProperty('deviceId');
    expect(response.headers.etag).not.toBe(etag);
    expect(await etagOfDevices(portal, sam, jordanDevices)).toBe(response.headers.etag);
  });

  it('assigns a hardware token, and removes a phone (even the last one: an administrator may)', async () => {
    const assigned = await appendedBy(portal, async () =>
      api(portal, { method: 'POST', url: `/api/admin/users/${seedIds.jordan}/hardware-tokens`, cookie: sam, body: { serial: 'YK-77', tokenType: 'yk' }, headers: { 'if-match': await etagOfDevices(portal, sam, jordanDevices) } }),
    );
    const removed = await appendedBy(portal, async () =>
      api(portal, { method: 'DELETE', url: `${leeDevices}/${seedIds.leePhone}`, cookie: sam, headers: { 'if-match': await etagOfDevices(portal, sam, leeDevices) } }),
    );

    expect(assigned.response.statusCode).toBe(201);
    expect(assigned.response.json()).toHaveProperty('tokenId');
    expect(removed.response.statusCode).toBe(200);
    expect(removed.appended).toBeGreaterThan(0);
  });

  it('given a stale If-Match, answers 412 and appends nothing', async () => {
    const stale = await etagOfDevices(portal, sam, jordanDevices);
    await api(portal, { method: 'POST', url: `/api/admin/users/${seedIds.jordan}/hardware-tokens`, cookie: sam, body: { serial: 'YK-1', tokenType: 'yk' }, headers: { 'if-match': stale } });

    const { response, appended } = await appendedBy(portal, () =>
      api(portal, { method: 'POST', url: `/api/admin/users/${seedIds.jordan}/hardware-tokens`, cookie: sam, body: { serial: 'YK-2', tokenType: 'yk' }, headers: { 'if-match': stale } }),
    );

    expect(response.statusCode).toBe(412);
    expect(response.json()).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(appended).toBe(0);
  });

  it('refuses an administrator whose role may not (BILLING): 403 ROLE_NOT_PERMITTED, nothing appended', async () => {
    const bea = await signedInAdmin(portal, seedIds.bea);

    const { response, appended } = await appendedBy(portal, () =>
      api(portal, { method: 'POST', url: `/api/admin/users/${seedIds.jordan}/hardware-tokens`, cookie: bea, body: { serial: 'YK-3', tokenType: 'yk' }, headers: { 'if-match': '*' } }),
    );

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ROLE_NOT_PERMITTED' });
    expect(appended).toBe(0);
  });

  it("refuses a user's device of another account's administrator with 404 before any precondition, appending nothing", async () => {
    const bob = await signedInAdmin(portal, seedIds.bob, seedIds.bakery);

    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'DELETE', url: `${leeDevices}/${seedIds.leePhone}`, cookie: bob, headers: { 'if-match': '*' } }));

    expect(response.statusCode).toBe(404);
    expect(appended).toBe(0);
  });
});
