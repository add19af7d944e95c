import { eventCount, newBrowser, postForm, seedIds, signInAdmin, startTestPortal, type TestPortal } from '../../testing';

describe('the Admin Panel sign-in', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal({ rateLimit: { max: 2, timeWindowMs: 60_000 } });
  });
  afterEach(() => portal.close());

  it('lists the administrators with their recorded roles and says it is a demo', async () => {
    const page = await portal.app.inject({ method: 'GET', url: '/admin/sign-in' });
    expect(page.body).toContain('Demo sign-in: choose an administrator');
    expect(page.body).toContain('Maria (OWNER)');
    expect(page.body).toContain('Sam (HELP_DESK)');
    expect(page.body).toContain('Rio (READ_ONLY)');
  });

  it('signs an administrator in and out', async () => {
    const maria = await signInAdmin(portal.app, seedIds.maria);
    const applications = await portal.app.inject({ method: 'GET', url: '/admin/applications', headers: { cookie: maria.cookie } });
    expect(applications.statusCode).toBe(200);
    expect(applications.body).toContain('<span>Admin Panel: Maria</span>');
    const out = await postForm(portal.app, '/admin/sign-out', maria, {});
    expect(out.headers.location).toBe('/admin/sign-in');
    expect((await portal.app.inject({ method: 'GET', url: '/admin/applications', headers: { cookie: maria.cookie } })).headers.location).toBe('/admin/sign-in');
  });

  it('refuses someone who is not an administrator, a missing token and too many attempts', async () => {
    const browser = await newBrowser(portal.app);
    const before = await eventCount(portal.services);
    const stranger = await postForm(portal.app, '/admin/sign-in', browser, { adminId: seedIds.jordan });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('not an administrator');
    expect((await postForm(portal.app, '/admin/sign-in', { ...browser, csrfToken: '' }, { adminId: seedIds.maria })).statusCode).toBe(403);
    expect((await postForm(portal.app, '/admin/sign-in', browser, { adminId: seedIds.maria })).statusCode).toBe(429);
    expect(await eventCount(portal.services)).toBe(before);
  });
});
