import { api, appendedBy, seedIds, signedInAdmin, startApiPortal, type ApiPortal } from '../testing';

const selfService = (applicationId: string) => `/api/admin/applications/${applicationId}/self-service`;

describe('the API of the Admin Panel: applications', () => {
  let portal: ApiPortal;
  let maria: string;

  beforeEach(async () => {
    portal = await startApiPortal();
    maria = await signedInAdmin(portal);
  });
  afterEach(() => portal.close());

  it("lists the account's applications with their self-service state", async () => {
    const response = await api(portal, { method: 'GET', url: '/api/admin/applications', cookie: maria });

    expect(response.statusCode).toBe(200);
    const { applications } = response.json<{ applications: { applicationId: string; selfService: string }[] }>();
    expect(applications).toHaveLength(10);
    expect(applications).toContainEqual(expect.objectContaining({ applicationId: seedIds.intranet, selfService: 'ENABLED' }));
    expect(applications).toContainEqual(expect.objectContaining({ applicationId: seedIds.vpn, selfService: 'OFF' }));
  });

  it("answers one application's properties, and 404 for another account's", async () => {
    const vpn = await api(portal, { method: 'GET', url: `/api/admin/applications/${seedIds.vpn}`, cookie: maria });
    const shop = await api(portal, { method: 'GET', url: `/api/admin/applications/${seedIds.shop}`, cookie: maria });

    expect(vpn.json()).toMatchObject({ name: 'Acme VPN', applicationType: 'CISCO_SSL_VPN' });
    expect(shop.statusCode).toBe(404);
    expect(shop.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets users manage their devices on the VPN (PUT), then not (DELETE)', async () => {
    const enabled = await appendedBy(portal, () => api(portal, { method: 'PUT', url: selfService(seedIds.vpn), cookie: maria, body: {} }));
    const disabled = await appendedBy(portal, () => api(portal, { method: 'DELETE', url: selfService(seedIds.vpn), cookie: maria }));

    expect(enabled.response.statusCode).toBe(200);
    expect(enabled.response.json()).toMatchObject({ selfServiceSetting: 'ON', selfService: 'ENABLED' });
    expect(enabled.appended).toBe(1);
    expect(disabled.response.json()).toMatchObject({ selfServiceSetting: 'OFF', selfService: 'OFF' });
  });

  it.each([
    ['an SSH application', seedIds.maria, seedIds.ssh, 422, 'APPLICATION_TYPE_UNSUPPORTED'],
    ['a READ_ONLY administrator', seedIds.rio, seedIds.vpn, 403, 'ROLE_NOT_PERMITTED'],
    ['a BILLING administrator', seedIds.bea, seedIds.vpn, 403, 'ROLE_NOT_PERMITTED'],
  ])('refuses %s with the rule\'s code, appending nothing', async (_case, adminId, applicationId, status, code) => {
    const cookie = await signedInAdmin(portal, adminId);

    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: selfService(applicationId), cookie, body: {} }));

    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code, status });
    expect(appended).toBe(0);
  });

  it('refuses the Personal edition with 422 EDITION_NOT_ELIGIBLE', async () => {
    const bob = await signedInAdmin(portal, seedIds.bob, seedIds.bakery);

    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: selfService(seedIds.shop), cookie: bob, body: {} }));

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'EDITION_NOT_ELIGIBLE' });
    expect(appended).toBe(0);
  });

  it('refuses a body with a field the command does not take, naming it', async () => {
    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: selfService(seedIds.vpn), cookie: maria, body: { enabled: true } }));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field: 'enabled' });
    expect(appended).toBe(0);
  });

  it('answers 401 to a visitor who is not signed in, appending nothing', async () => {
    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: selfService(seedIds.vpn), body: {} }));

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    expect(appended).toBe(0);
  });
});
