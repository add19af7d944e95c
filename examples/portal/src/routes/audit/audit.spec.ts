import { postForm, seedIds, signInAdmin, signInUser, startTestPortal, type TestPortal } from '../../testing';
import { addPhone } from '../portal/portal-steps.testing';

describe('the audit pages', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it("shows a user's timeline with names, the step-up compliance and the tamper check", async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect((await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' })).statusCode).toBe(303);
    const maria = await signInAdmin(portal.app, seedIds.maria);
    const audit = await portal.app.inject({ method: 'GET', url: `/admin/audit/users/${seedIds.jordan}`, headers: { cookie: maria.cookie } });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('Audit of jordan');
    expect(audit.body).toContain('iOS phone');
    expect(audit.body).toContain('first device: primary authentication only');
    expect(audit.body).toMatch(/data-testid="compliance-summary">1 of 1 device changes compliant/);
    expect(audit.body).toMatch(/data-testid="verify-result">Intact/);
    expect(audit.body).not.toContain(`user ${seedIds.jordan}`);
  });

  it("shows an application's timeline, and finds nothing of another account", async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    expect((await postForm(portal.app, `/admin/applications/${seedIds.vpn}/settings`, ade, { selfService: 'on' })).statusCode).toBe(303);
    const audit = await portal.app.inject({ method: 'GET', url: `/admin/audit/applications/${seedIds.vpn}`, headers: { cookie: ade.cookie } });
    expect(audit.body).toContain('Acme VPN');
    expect(audit.body).toContain('Ade');
    const bob = await signInAdmin(portal.app, seedIds.bob);
    expect((await portal.app.inject({ method: 'GET', url: `/admin/audit/users/${seedIds.jordan}`, headers: { cookie: bob.cookie } })).statusCode).toBe(404);
    expect((await portal.app.inject({ method: 'GET', url: `/admin/audit/applications/${seedIds.vpn}`, headers: { cookie: bob.cookie } })).statusCode).toBe(404);
    expect((await portal.app.inject({ method: 'GET', url: '/admin/audit' })).headers.location).toBe('/admin/sign-in');
  });
});
