import * as E from 'fp-ts/Either';
import { eventCount, postForm, seedIds, signInUser, startTestPortal, type SignedIn, type TestPortal } from '../../testing';
import { addPhone, deviceIdNamed, stepUpByPhone } from './portal-steps.testing';

describe('My Settings & Devices', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  const page = (user: SignedIn) => portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: user.cookie } });

  /** Lee has a phone and a hardware token from the seed; signed in and stepped up by a call. */
  const leeSteppedUp = async () => {
    const lee = await signInUser(portal.app, { username: 'lee' });
    const done = await stepUpByPhone(portal.app, lee, seedIds.leePhone, 'CALL');
    expect(done.headers.location).toBe('/portal/devices');
    return lee;
  };

  it("lists the user's phones and tokens from the read model", async () => {
    const lee = await leeSteppedUp();
    const devices = await page(lee);
    expect(devices.statusCode).toBe(200);
    expect(devices.body).toContain('Lee&#39;s phone');
    expect(devices.body).toContain('•••0142');
    expect(devices.body).toContain('Token T6-1001');
  });

  it('adds a tablet, renames it, makes it the default and removes the hardware token', async () => {
    const lee = await leeSteppedUp();
    const added = await addPhone(portal.app, lee, { kind: 'TABLET', platform: 'IOS' });
    expect(added.statusCode).toBe(303);
    const tablet = deviceIdNamed((await page(lee)).body, 'iOS tablet');
    expect(tablet).toBeDefined();
    const renamed = await postForm(portal.app, `/portal/devices/${tablet ?? ''}/rename`, lee, { name: "Lee's iPad" });
    expect(renamed.headers.location).toBe('/portal/devices');
    const made = await postForm(portal.app, `/portal/devices/${tablet ?? ''}/default`, lee, { loginAction: 'ASK' });
    expect(made.headers.location).toBe('/portal/devices');
    const removed = await postForm(portal.app, `/portal/tokens/${seedIds.leeToken}/remove`, lee, {});
    expect(removed.headers.location).toBe('/portal/devices');
    const after = await page(lee);
    expect(after.body).toContain('Lee&#39;s iPad <span class="muted">(default: ASK)</span>');
    expect(after.body).not.toContain('Token T6-1001');
  });

  it('shows the reason of a refusal: a duplicate name, the last device', async () => {
    const lee = await leeSteppedUp();
    const before = await eventCount(portal.services);
    const duplicate = await addPhone(portal.app, lee, { kind: 'TABLET', platform: 'IOS', name: "lee's PHONE" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('DUPLICATE');
    expect(await eventCount(portal.services)).toBe(before);

    const priya = await signInUser(portal.app, { username: 'priya' });
    expect((await addPhone(portal.app, priya, { phoneNumber: '+1 212 555 0199', platform: 'ANDROID', name: 'Pixel' })).statusCode).toBe(303);
    const devices = await portal.services.queries.devicesOf(seedIds.priya)();
    const pixel = E.isRight(devices) ? devices.right?.phones[0]?.deviceId : undefined;
    await stepUpByPhone(portal.app, priya, pixel ?? '', 'CALL');
    const last = await postForm(portal.app, `/portal/devices/${pixel ?? ''}/remove`, priya, {});
    expect(last.statusCode).toBe(422);
    expect(last.body).toContain('You cannot remove your last device');
    expect(last.body).toContain('LAST_DEVICE');
  });

  it("refuses another user's device id in a form, appending nothing", async () => {
    const lee = await leeSteppedUp();
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect((await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' })).statusCode).toBe(303);
    const jordans = await portal.services.queries.devicesOf(seedIds.jordan)();
    const iphone = E.isRight(jordans) ? jordans.right?.phones[0]?.deviceId : undefined;
    const before = await eventCount(portal.services);
    const rename = await postForm(portal.app, `/portal/devices/${iphone ?? ''}/rename`, lee, { name: 'Mine now' });
    expect(rename.statusCode).toBe(404);
    expect(rename.body).toContain('NOT_FOUND');
    const remove = await postForm(portal.app, `/portal/devices/${iphone ?? ''}/remove`, lee, {});
    expect(remove.statusCode).toBe(404);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('asks for a new step-up when the last one is stale, and returns to the action', async () => {
    const lee = await leeSteppedUp();
    portal.clock.advance(360);
    const before = await eventCount(portal.services);
    const stale = await postForm(portal.app, `/portal/devices/${seedIds.leePhone}/rename`, lee, { name: 'Work phone' });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/portal/step-up');
    expect(await eventCount(portal.services)).toBe(before);
    const chooser = await portal.app.inject({ method: 'GET', url: '/portal/step-up', headers: { cookie: lee.cookie } });
    expect(chooser.body).toContain('Your verification has expired');
    const again = await stepUpByPhone(portal.app, lee, seedIds.leePhone, 'CALL');
    expect(again.headers.location).toBe('/portal/devices');
    expect((await postForm(portal.app, `/portal/devices/${seedIds.leePhone}/rename`, lee, { name: 'Work phone' })).headers.location).toBe('/portal/devices');
  });

  it('refuses malformed forms, missing tokens, and a tampered or signed-out session, appending nothing', async () => {
    const lee = await leeSteppedUp();
    const before = await eventCount(portal.services);
    const malformed = await postForm(portal.app, `/portal/devices/${seedIds.leePhone}/default`, lee, { loginAction: 'SOMETIMES' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('loginAction');
    const noToken = await postForm(portal.app, `/portal/devices/${seedIds.leePhone}/rename`, { ...lee, csrfToken: '' }, { name: 'x' });
    expect(noToken.statusCode).toBe(403);
    const tampered = { cookie: lee.cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')), csrfToken: lee.csrfToken };
    const withTampered = await postForm(portal.app, `/portal/devices/${seedIds.leePhone}/rename`, tampered, { name: 'x' });
    expect(withTampered.statusCode).toBe(403);
    const signedOut = await portal.app.inject({ method: 'GET', url: '/portal/devices' });
    expect(signedOut.headers.location).toBe('/');
    expect(await eventCount(portal.services)).toBe(before);
  });
});
