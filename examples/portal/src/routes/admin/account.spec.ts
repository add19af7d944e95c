import { eventCount, postForm, seedIds, signInAdmin, signInUser, startTestPortal, type TestPortal } from '../../testing';

describe('the Admin Panel: account settings', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it('lets the owner downgrade the edition, which suspends self-service and why, and upgrade it again', async () => {
    const maria = await signInAdmin(portal.app, seedIds.maria);
    const account = await portal.app.inject({ method: 'GET', url: '/admin/account', headers: { cookie: maria.cookie } });
    expect(account.body).toContain('Maria: OWNER');
    expect((await postForm(portal.app, '/admin/account/edition', maria, { edition: 'PERSONAL' })).statusCode).toBe(303);
    const intranet = await portal.app.inject({ method: 'GET', url: `/admin/applications/${seedIds.intranet}`, headers: { cookie: maria.cookie } });
    expect(intranet.body).toContain("Suspended</span>: the account&#39;s edition does not include the portal");
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect(jordan.response.statusCode).toBe(422);
    expect(jordan.response.body).toContain('SELF_SERVICE_NOT_ENABLED');
    expect((await postForm(portal.app, '/admin/account/edition', maria, { edition: 'ENTERPRISE' })).statusCode).toBe(303);
    expect((await signInUser(portal.app, { username: 'jordan' })).response.statusCode).toBe(303);
  });

  it('refuses an edition change by an administrator who is not an owner, and an unknown edition', async () => {
    const alex = await signInAdmin(portal.app, seedIds.alex);
    const before = await eventCount(portal.services);
    const refused = await postForm(portal.app, '/admin/account/edition', alex, { edition: 'BEYOND' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('ROLE_NOT_PERMITTED');
    const unknown = await postForm(portal.app, '/admin/account/edition', alex, { edition: 'GOLD' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('data.edition');
    expect(await eventCount(portal.services)).toBe(before);
  });
});
