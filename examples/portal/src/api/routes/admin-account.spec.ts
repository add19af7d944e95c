import { api, appendedBy, seedIds, signedInAdmin, startApiPortal, type ApiPortal } from '../testing';

describe('the API of the Admin Panel: the account', () => {
  let portal: ApiPortal;
  let maria: string;

  beforeEach(async () => {
    portal = await startApiPortal();
    maria = await signedInAdmin(portal);
  });
  afterEach(() => portal.close());

  it('answers the account with its edition and its administrators\' recorded roles', async () => {
    const response = await api(portal, { method: 'GET', url: '/api/admin/account', cookie: maria });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Acme Corp', edition: 'ENTERPRISE', newEnrollmentEnabled: true });
    expect(response.json<{ administrators: unknown[] }>().administrators).toContainEqual({ adminId: seedIds.maria, role: 'OWNER' });
  });

  it('lets the owner change the edition to Personal, which suspends self-service on the Intranet', async () => {
    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: '/api/admin/account/edition', cookie: maria, body: { edition: 'PERSONAL' } }));
    const intranet = await api(portal, { method: 'GET', url: `/api/admin/applications/${seedIds.intranet}`, cookie: maria });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ edition: 'PERSONAL' });
    expect(appended).toBe(1);
    expect(intranet.json()).toMatchObject({ selfService: 'SUSPENDED', suspendedBecause: 'EDITION' });
  });

  it('refuses the edition to an ADMINISTRATOR: 403 ROLE_NOT_PERMITTED, nothing appended', async () => {
    const alex = await signedInAdmin(portal, seedIds.alex);

    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: '/api/admin/account/edition', cookie: alex, body: { edition: 'BEYOND' } }));

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ROLE_NOT_PERMITTED' });
    expect(appended).toBe(0);
  });

  it('refuses an edition that is not one, naming the field', async () => {
    const { response, appended } = await appendedBy(portal, () => api(portal, { method: 'PUT', url: '/api/admin/account/edition', cookie: maria, body: { edition: 'GOLD' } }));

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_COMMAND', field: 'edition' });
    expect(appended).toBe(0);
  });

  it('turns new enrollment off (DELETE) and on again (PUT)', async () => {
    const off = await api(portal, { method: 'DELETE', url: '/api/admin/account/new-enrollment', cookie: maria });
    const on = await api(portal, { method: 'PUT', url: '/api/admin/account/new-enrollment', cookie: maria, body: {} });

    expect(off.json()).toMatchObject({ newEnrollmentEnabled: false });
    expect(on.json()).toMatchObject({ newEnrollmentEnabled: true });
  });

  it('signs out an administrator removed since signing in: 401', async () => {
    const alex = await signedInAdmin(portal, seedIds.alex);
    await portal.services.execute({ type: 'RemoveAdministrator', actor: { kind: 'admin', adminId: seedIds.maria }, data: { accountId: seedIds.acme, adminId: seedIds.alex } });

    const response = await api(portal, { method: 'GET', url: '/api/admin/account', cookie: alex });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });
});
