import * as E from 'fp-ts/Either';
import { eventCount, postForm, seedIds, signInUser, startTestPortal, type TestPortal } from '../../testing';
import { addPhone, approveOnPhone, beginStepUp, challengeOnPhone, stepUpByPhone } from './portal-steps.testing';

const phoneOf = async (portal: TestPortal, userId: string): Promise<string> => {
  const devices = await portal.services.queries.devicesOf(userId)();
  const deviceId = E.isRight(devices) ? devices.right?.phones[0]?.deviceId : undefined;
  if (deviceId === undefined) throw new Error('no phone');
  return deviceId;
};

describe('the step-up', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  const jordanWithAPhone = async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect((await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' })).statusCode).toBe(303);
    return { jordan, iphone: await phoneOf(portal, seedIds.jordan) };
  };

  it('is asked for before My Settings & Devices, and returns there once the phone approves the call', async () => {
    const { jordan, iphone } = await jordanWithAPhone();
    const gate = await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: jordan.cookie } });
    expect(gate.statusCode).toBe(303);
    expect(gate.headers.location).toBe('/portal/step-up');

    const waiting = await portal.app.inject({ method: 'GET', url: '/portal/step-up/wait', headers: { cookie: jordan.cookie } });
    expect(waiting.headers.location).toBe('/portal/step-up');
    const done = await stepUpByPhone(portal.app, jordan, iphone, 'CALL');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/portal/devices');
    const devices = await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: jordan.cookie } });
    expect(devices.statusCode).toBe(200);
    expect(devices.body).toContain('iOS phone');
  });

  it('shows nothing of the devices while a step-up is begun but not completed (the 2017 flaw)', async () => {
    const { jordan, iphone } = await jordanWithAPhone();
    expect((await beginStepUp(portal.app, jordan, iphone, 'CALL')).statusCode).toBe(303);
    const before = await eventCount(portal.services);
    const devices = await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: jordan.cookie } });
    expect(devices.statusCode).toBe(303);
    expect(devices.headers.location).toBe('/portal/step-up');
    const rename = await postForm(portal.app, `/portal/devices/${iphone}/rename`, jordan, { name: 'Attacker' });
    expect(rename.statusCode).toBe(303);
    expect(rename.headers.location).toBe('/portal/step-up');
    const enroll = await addPhone(portal.app, jordan, { phoneNumber: '+1 646 555 0100', platform: 'ANDROID' });
    expect(enroll.headers.location).toBe('/portal/step-up');
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('is refused with the reason when the device cannot do the method', async () => {
    const { jordan, iphone } = await jordanWithAPhone();
    const before = await eventCount(portal.services);
    const push = await beginStepUp(portal.app, jordan, iphone, 'PUSH');
    expect(push.statusCode).toBe(422);
    expect(push.body).toContain('The device cannot do this');
    expect(push.body).toContain('DEVICE_NOT_CAPABLE');
    expect(await eventCount(portal.services)).toBe(before);
  });

  it("refuses another user's device and a malformed form, appending nothing", async () => {
    const { jordan } = await jordanWithAPhone();
    const before = await eventCount(portal.services);
    const stolen = await beginStepUp(portal.app, jordan, seedIds.leePhone, 'CALL');
    expect(stolen.statusCode).toBe(404);
    expect(stolen.body).toContain('NOT_FOUND');
    const malformed = await beginStepUp(portal.app, jordan, seedIds.leePhone, 'TELEPATHY');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('method');
    const noToken = await postForm(portal.app, '/portal/step-up', { ...jordan, csrfToken: '' }, { deviceId: seedIds.leePhone, method: 'CALL' });
    expect(noToken.statusCode).toBe(403);
    expect(await eventCount(portal.services)).toBe(before);
  });

  it('completes with the SMS passcode the phone shows, and fails on a wrong one', async () => {
    const { jordan, iphone } = await jordanWithAPhone();
    expect((await beginStepUp(portal.app, jordan, iphone, 'SMS')).statusCode).toBe(303);
    const wrong = await postForm(portal.app, '/portal/step-up/passcode', jordan, { passcode: '000000x' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('That passcode is not right');
    expect((await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: jordan.cookie } })).statusCode).toBe(303);

    expect((await beginStepUp(portal.app, jordan, iphone, 'SMS')).statusCode).toBe(303);
    const { body } = await challengeOnPhone(portal.app, iphone);
    const passcode = /data-testid="passcode">(\d{6})</.exec(body)?.[1] ?? '';
    const right = await postForm(portal.app, '/portal/step-up/passcode', jordan, { passcode });
    expect(right.headers.location).toBe('/portal/step-up/wait');
    const onwards = await portal.app.inject({ method: 'GET', url: '/portal/step-up/wait', headers: { cookie: jordan.cookie } });
    expect(onwards.headers.location).toBe('/portal/devices');
  });

  it('unlocks nothing when the phone denies the request', async () => {
    const { jordan, iphone } = await jordanWithAPhone();
    expect((await beginStepUp(portal.app, jordan, iphone, 'CALL')).statusCode).toBe(303);
    const { phone, challengeId } = await challengeOnPhone(portal.app, iphone);
    const denied = await postForm(portal.app, `/phone/${iphone}/challenges/${challengeId ?? ''}/deny`, phone, {});
    expect(denied.statusCode).toBe(303);
    const waiting = await portal.app.inject({ method: 'GET', url: '/portal/step-up/wait', headers: { cookie: jordan.cookie } });
    expect(waiting.body).toContain('The request was denied');
    expect((await approveOnPhone(portal.app, iphone).catch((error: unknown) => error)) instanceof Error).toBe(true);
    expect((await portal.app.inject({ method: 'GET', url: '/portal/devices', headers: { cookie: jordan.cookie } })).headers.location).toBe('/portal/step-up');
  });
});
