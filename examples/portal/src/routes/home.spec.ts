import { newBrowser, postForm, seedIds, signInAdmin, startTestPortal, type TestPortal } from '../testing';

describe('the start page and what every page carries', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it("links the Admin Panel and every application's prompt, and says it is a demo", async () => {
    const home = await portal.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="en">');
    expect(home.body).toContain('This is a demo');
    expect(home.body).toContain('href="/admin/sign-in"');
    expect(home.body).toContain(`href="/prompt/${seedIds.vpn}"`);
    expect(home.body).toContain("Bob&#39;s Bakery");
  });

  it("sends helmet's headers with a CSP that allows this origin's scripts and data: images only", async () => {
    const home = await portal.app.inject({ method: 'GET', url: '/' });
    const csp = String(home.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(home.headers['x-content-type-options']).toBe('nosniff');
  });

  it('asks browsers for HTTPS (Strict-Transport-Security) only when served behind TLS', async () => {
    const plain = await portal.app.inject({ method: 'GET', url: '/' });
    const behindTls = await startTestPortal({ secureCookie: true });
    try {
      const secure = await behindTls.app.inject({ method: 'GET', url: '/' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(String(secure.headers['strict-transport-security'])).toContain('max-age=');
    } finally {
      await behindTls.close();
    }
  });

  it('sets a signed session cookie, httpOnly and SameSite=Lax', async () => {
    const page = await portal.app.inject({ method: 'GET', url: '/admin/sign-in' });
    const cookie = page.cookies.find((candidate) => candidate.name === 'portal.sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.value).toMatch(/^[^.]+\.[^.]+$/);
    await expect(newBrowser(portal.app)).resolves.toHaveProperty('csrfToken');
  });

  it('escapes what people typed', async () => {
    const uma = await signInAdmin(portal.app, seedIds.uma);
    expect((await postForm(portal.app, '/admin/users', uma, { username: '<script>alert(1)</script>' })).statusCode).toBe(303);
    const users = await portal.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: uma.cookie } });
    expect(users.body).not.toContain('<script>alert(1)</script>');
    expect(users.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('serves its two assets and nothing else from /assets', async () => {
    expect((await portal.app.inject({ method: 'GET', url: '/assets/portal.css' })).headers['content-type']).toContain('text/css');
    expect((await portal.app.inject({ method: 'GET', url: '/assets/step-up.js' })).statusCode).toBe(200);
    expect((await portal.app.inject({ method: 'GET', url: '/assets/..%2Fpackage.json' })).statusCode).toBe(404);
  });
});
