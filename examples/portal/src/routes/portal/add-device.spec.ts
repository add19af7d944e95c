import { eventCount, postForm, signInUser, startTestPortal, type TestPortal } from '../../testing';
import { addPhone } from './portal-steps.testing';

describe('Add a New Device', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it('enrolls a first device on the password alone', async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    const form = await portal.app.inject({ method: 'GET', url: '/portal/add-device', headers: { cookie: jordan.cookie } });
    expect(form.body).toContain('<label for="phoneNumber">');
    const added = await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/portal');
    const home = await portal.app.inject({ method: 'GET', url: '/portal', headers: { cookie: jordan.cookie } });
    expect(home.body).toContain('Added iOS phone.');
  });

  it('asks for a step-up for any later device, and comes back to the form', async () => {
    const lee = await signInUser(portal.app, { username: 'lee' });
    const before = await eventCount(portal.services);
    const added = await addPhone(portal.app, lee, { kind: 'TABLET', platform: 'ANDROID' });
    expect(added.headers.location).toBe('/portal/step-up');
    expect(await eventCount(portal.services)).toBe(before);
  });

  it("validates the number with the domain's rules, naming the field", async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    const before = await eventCount(portal.services);
    const invalid = await addPhone(portal.app, jordan, { phoneNumber: '12' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('data.phoneNumber');
    const landlineWithPlatform = await addPhone(portal.app, jordan, { kind: 'LANDLINE', platform: 'IOS', phoneNumber: '212 555 0100' });
    expect(landlineWithPlatform.statusCode).toBe(400);
    expect(landlineWithPlatform.body).toContain('data.platform');
    const malformed = await postForm(portal.app, '/portal/add-device', jordan, { kind: 'MOBILE' });
    expect(malformed.statusCode).toBe(400);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it("refuses another user's number", async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    const before = await eventCount(portal.services);
    const taken = await addPhone(portal.app, jordan, { phoneNumber: '+1 415 555 0142', platform: 'ANDROID' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('DUPLICATE');
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('needs a signed-in user', async () => {
    const page = await portal.app.inject({ method: 'GET', url: '/portal/add-device' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/');
  });
});
