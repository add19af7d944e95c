import { eventCount, postForm, seedIds, signInUser, startTestPortal, type TestPortal } from '../../testing';
import { addPhone, challengeOnPhone, deviceIdNamed, stepUpByPhone } from './portal-steps.testing';

describe('Activate Duo Mobile', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  const leeWithATablet = async () => {
    const lee = await signInUser(portal.app, { username: 'lee' });
    await stepUpByPhone(portal.app, lee, seedIds.leePhone, 'CALL');
    expect((await addPhone(portal.app, lee, { kind: 'TABLET', platform: 'IOS' })).statusCode).toBe(303);
    const devices = await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: lee.cookie } });
    return { lee, tablet: deviceIdNamed(devices.body, 'iOS tablet') ?? '' };
  };

  it('shows the activation code and its QR code, and the phone activates by scanning it', async () => {
    const { lee, tablet } = await leeWithATablet();
    const issued = await postForm(portal.app, `/portal/devices/${tablet}/activation`, lee, {});
    expect(issued.statusCode).toBe(303);
    const page = await portal.app.inject({ method: 'GET', url: issued.headers.location ?? '', headers: { cookie: lee.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="QR code of the activation code/);
    const code = /data-testid="activation-code">([A-Z0-9-]+)</.exec(page.body)?.[1] ?? '';

    const { phone } = await challengeOnPhone(portal.app, tablet);
    const scanned = await postForm(portal.app, `/phone/${tablet}/scan`, phone, { code: code.toLowerCase() });
    expect(scanned.statusCode).toBe(303);
    const devices = await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: lee.cookie } });
    expect(devices.body).toContain('Duo Mobile: activated');
  });

  it('refuses a code scanned on another device, an unknown code, and a landline', async () => {
    const { lee, tablet } = await leeWithATablet();
    const issued = await postForm(portal.app, `/portal/devices/${tablet}/activation`, lee, {});
    const page = await portal.app.inject({ method: 'GET', url: issued.headers.location ?? '', headers: { cookie: lee.cookie } });
    const code = /data-testid="activation-code">([A-Z0-9-]+)</.exec(page.body)?.[1] ?? '';
    const before = await eventCount(portal.services);
    const { phone } = await challengeOnPhone(portal.app, seedIds.leePhone);
    const elsewhere = await postForm(portal.app, `/phone/${seedIds.leePhone}/scan`, phone, { code });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.body).toContain('ACTIVATION_INVALID');
    const unknown = await postForm(portal.app, `/phone/${tablet}/scan`, phone, { code: 'NOPE-NOPE-NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('That activation code is not known');
    expect(await eventCount(portal.services)).toBe(before);

    expect((await addPhone(portal.app, lee, { kind: 'LANDLINE', platform: '', phoneNumber: '212 555 0100' })).statusCode).toBe(303);
    const devices = await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: lee.cookie } });
    const landline = deviceIdNamed(devices.body, 'Landline') ?? '';
    const refused = await postForm(portal.app, `/portal/devices/${landline}/activation`, lee, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('DEVICE_NOT_CAPABLE');
  });

  it("does not show another user's activation", async () => {
    const { lee, tablet } = await leeWithATablet();
    const issued = await postForm(portal.app, `/portal/devices/${tablet}/activation`, lee, {});
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    const other = await portal.app.inject({ method: 'GET', url: issued.headers.location ?? '', headers: { cookie: jordan.cookie } });
    expect(other.statusCode).toBe(303);
    expect(other.headers.location).toBe('/portal/step-up');
  });
});
