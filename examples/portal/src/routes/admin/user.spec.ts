import { eventCount, postForm, seedIds, signInAdmin, startTestPortal, type SignedIn, type TestPortal } from '../../testing';

describe("the Admin Panel: a user's devices", () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  const page = (admin: SignedIn, userId: string) => portal.app.inject({ method: 'GET', url: `/admin/users/${userId}`, headers: { cookie: admin.cookie } });

  it('lists the users, and a user with their phones and tokens', async () => {
    const sam = await signInAdmin(portal.app, seedIds.sam);
    const users = await portal.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: sam.cookie } });
    expect(users.body).toContain(`<a href="/admin/users/${seedIds.lee}">lee</a>`);
    const lee = await page(sam, seedIds.lee);
    expect(lee.body).toContain('Lee&#39;s phone');
    expect(lee.body).toContain('T6-1001');
  });

  it('assigns a hardware token and enrolls and removes a phone for a user', async () => {
    const sam = await signInAdmin(portal.app, seedIds.sam);
    expect((await postForm(portal.app, `/admin/users/${seedIds.jordan}/tokens`, sam, { serial: 'YK-0042', tokenType: 'yk' })).statusCode).toBe(303);
    const enrolled = await postForm(portal.app, `/admin/users/${seedIds.jordan}/phones`, sam, { kind: 'LANDLINE', platform: '', country: '44', phoneNumber: '20 7946 0958', name: 'Desk' });
    expect(enrolled.statusCode).toBe(303);
    const jordan = await page(sam, seedIds.jordan);
    expect(jordan.body).toContain('YK-0042');
    expect(jordan.body).toContain('Desk');
    const deskId = /phones\/([0-9a-f-]+)\/remove/.exec(jordan.body)?.[1] ?? '';
    expect((await postForm(portal.app, `/admin/users/${seedIds.jordan}/phones/${deskId}/remove`, sam, {})).statusCode).toBe(303);
    expect((await page(sam, seedIds.jordan)).body).not.toContain('Desk');
  });

  it("shows the rule's reason: removing a token is the user's own, a read-only role changes nothing, a number must be valid", async () => {
    const sam = await signInAdmin(portal.app, seedIds.sam);
    const rio = await signInAdmin(portal.app, seedIds.rio);
    const before = await eventCount(portal.services);
    const token = await postForm(portal.app, `/admin/users/${seedIds.lee}/tokens/${seedIds.leeToken}/remove`, sam, {});
    expect(token.statusCode).toBe(403);
    expect(token.body).toContain('FORBIDDEN');
    const readOnly = await postForm(portal.app, `/admin/users/${seedIds.jordan}/tokens`, rio, { serial: 'H6-7', tokenType: 'h6' });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.body).toContain('ROLE_NOT_PERMITTED');
    const badNumber = await postForm(portal.app, `/admin/users/${seedIds.jordan}/phones`, sam, { kind: 'MOBILE', platform: 'IOS', country: '1', phoneNumber: '555', name: '' });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain('data.phoneNumber');
    const malformed = await postForm(portal.app, `/admin/users/${seedIds.jordan}/tokens`, sam, { serial: 'H6-7' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('tokenType');
    expect(await eventCount(portal.services)).toBe(before);
  });

  it("does not find a user of another account, and appends nothing for them", async () => {
    const bob = await signInAdmin(portal.app, seedIds.bob);
    const before = await eventCount(portal.services);
    expect((await page(bob, seedIds.jordan)).statusCode).toBe(404);
    expect((await postForm(portal.app, `/admin/users/${seedIds.jordan}/tokens`, bob, { serial: 'H6-7', tokenType: 'h6' })).statusCode).toBe(404);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('registers a user, and refuses the billing role', async () => {
    const uma = await signInAdmin(portal.app, seedIds.uma);
    expect((await postForm(portal.app, '/admin/users', uma, { username: 'casey' })).statusCode).toBe(303);
    expect((await portal.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: uma.cookie } })).body).toContain('casey');
    const bea = await signInAdmin(portal.app, seedIds.bea);
    const refused = await postForm(portal.app, '/admin/users', bea, { username: 'drew' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('ROLE_NOT_PERMITTED');
  });
});
