import { eventCount, newBrowser, postForm, seedIds, signInUser, startTestPortal, type TestPortal } from '../../testing';

describe('the authentication prompt of an application', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  afterEach(() => portal.close());

  it('shows the sign-in form and the demo passwords, saying it is a demo', async () => {
    const page = await portal.app.inject({ method: 'GET', url: `/prompt/${seedIds.intranet}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sign in to Intranet');
    expect(page.body).toContain('This is a demo');
    expect(page.body).toContain('jordan-demo');
  });

  it('starts a portal session after the password, and offers the portal where self-service is in effect', async () => {
    const before = await eventCount(portal.services);
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect(jordan.response.statusCode).toBe(303);
    expect(jordan.response.headers.location).toBe('/portal');
    expect(await eventCount(portal.services)).toBe(before + 1);
    const home = await portal.app.inject({ method: 'GET', url: '/portal', headers: { cookie: jordan.cookie } });
    expect(home.body).toContain('Add a New Device');
    expect(home.body).toContain('My Settings &amp; Devices');
  });

  it('refuses a wrong password without saying which part was wrong, and appends nothing', async () => {
    const before = await eventCount(portal.services);
    const jordan = await signInUser(portal.app, { username: 'jordan', password: 'guess' });
    expect(jordan.response.statusCode).toBe(401);
    expect(jordan.response.body).toContain('The username or password is not right');
    const stranger = await signInUser(portal.app, { username: 'nobody', password: 'nobody-demo' });
    expect(stranger.response.statusCode).toBe(401);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it("says why the portal is not offered when the application's self-service is off", async () => {
    const before = await eventCount(portal.services);
    const jordan = await signInUser(portal.app, { username: 'jordan', applicationId: seedIds.vpn });
    expect(jordan.response.statusCode).toBe(422);
    expect(jordan.response.body).toContain('Self-service is not in effect for this application');
    expect(jordan.response.body).toContain('SELF_SERVICE_NOT_ENABLED');
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('refuses a sign-in without its CSRF token, a malformed form, and an unknown application', async () => {
    const browser = await newBrowser(portal.app, `/prompt/${seedIds.intranet}`);
    const before = await eventCount(portal.services);
    const noToken = await postForm(portal.app, `/prompt/${seedIds.intranet}`, { ...browser, csrfToken: '' }, { username: 'jordan', password: 'jordan-demo' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('security token is missing or wrong');
    const malformed = await postForm(portal.app, `/prompt/${seedIds.intranet}`, browser, { username: 'jordan' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('password');
    const unknown = await postForm(portal.app, `/prompt/${seedIds.jordan}`, browser, { username: 'jordan', password: 'jordan-demo' });
    expect(unknown.statusCode).toBe(404);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('limits the sign-in attempts of a client', async () => {
    const browser = await newBrowser(portal.app, `/prompt/${seedIds.intranet}`);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await postForm(portal.app, `/prompt/${seedIds.intranet}`, browser, { username: 'jordan', password: 'wrong' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
