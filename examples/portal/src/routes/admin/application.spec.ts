import { eventCount, newBrowser, postForm, seedIds, signInAdmin, startTestPortal, type SignedIn, type TestPortal } from '../../testing';

describe('the Admin Panel: an application and its self-service setting', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  const save = (admin: SignedIn, applicationId: string, ticked = true) =>
    postForm(portal.app, `/admin/applications/${applicationId}/settings`, admin, ticked ? { selfService: 'on' } : {});
  const page = (admin: SignedIn, applicationId: string) => portal.app.inject({ method: 'GET', url: `/admin/applications/${applicationId}`, headers: { cookie: admin.cookie } });

  it('lists the applications in the sidebar and opens one by its name', async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    const list = await portal.app.inject({ method: 'GET', url: '/admin/applications', headers: { cookie: ade.cookie } });
    expect(list.body).toContain(`<a href="/admin/applications/${seedIds.vpn}">Acme VPN</a>`);
    const vpn = await page(ade, seedIds.vpn);
    expect(vpn.body).toContain('Let users manage their devices');
    expect(vpn.body).toContain('Save Changes');
    expect(vpn.body).toMatch(/data-testid="self-service-status">\s*<span class="status-off">Off/);
  });

  it('lets an application manager tick the box and save: self-service is then in effect', async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    const saved = await save(ade, seedIds.vpn);
    expect(saved.statusCode).toBe(303);
    const vpn = await page(ade, seedIds.vpn);
    expect(vpn.body).toContain('Changes saved.');
    expect(vpn.body).toMatch(/data-testid="self-service-status">\s*<span class="status-enabled">In effect/);
    expect((await save(ade, seedIds.vpn, false)).statusCode).toBe(303);
    expect((await page(ade, seedIds.vpn)).body).toMatch(/status-off">Off/);
  });

  it.each([
    ['a help-desk role', seedIds.sam, seedIds.vpn, 403, 'ROLE_NOT_PERMITTED', 'Your administrator role does not allow this'],
    ['an SSH application', seedIds.ade, seedIds.ssh, 422, 'APPLICATION_TYPE_UNSUPPORTED', 'no web prompt'],
    ['the Personal edition', seedIds.bob, seedIds.shop, 422, 'EDITION_NOT_ELIGIBLE', 'edition does not include the self-service portal'],
  ])('shows the reason when the rule refuses %s', async (_case, adminId, applicationId, status, code, reason) => {
    const admin = await signInAdmin(portal.app, adminId);
    const before = await eventCount(portal.services);
    const refused = await save(admin, applicationId);
    expect(refused.statusCode).toBe(status);
    expect(refused.body).toContain(code);
    expect(refused.body).toContain(reason);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('shows new enrollment turned off as the reason, and the suspension it causes', async () => {
    const maria = await signInAdmin(portal.app, seedIds.maria);
    expect((await postForm(portal.app, '/admin/account/new-enrollment', maria, {})).statusCode).toBe(303);
    const refused = await save(maria, seedIds.vpn);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('NEW_ENROLLMENT_DISABLED');
    const intranet = await page(maria, seedIds.intranet);
    expect(intranet.body).toContain('Suspended</span>: new enrollment is turned off for the account');
  });

  it("refuses a missing or wrong CSRF token and a malformed form, appending nothing; another account's application is not found", async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    const before = await eventCount(portal.services);
    expect((await save({ ...ade, csrfToken: '' }, seedIds.vpn)).statusCode).toBe(403);
    expect((await save({ ...ade, csrfToken: 'forged' }, seedIds.vpn)).statusCode).toBe(403);
    const malformed = await postForm(portal.app, `/admin/applications/${seedIds.vpn}/settings`, ade, { selfService: 'yes' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('selfService');
    expect((await page(ade, seedIds.shop)).statusCode).toBe(404);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('sends a visitor without an administrator session, or with a tampered cookie, to sign in', async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    const visitor = await newBrowser(portal.app);
    const before = await eventCount(portal.services);
    const signedOut = await save(visitor, seedIds.vpn);
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe('/admin/sign-in');
    const tampered = await save({ cookie: ade.cookie.replace('portal.sid=', 'portal.sid=x'), csrfToken: ade.csrfToken }, seedIds.vpn);
    expect(tampered.statusCode).toBe(403);
    expect(await eventCount(portal.services)).toBe(before);
  });
});
