import * as E from 'fp-ts/Either';
import type { Page } from 'playwright-core';
import { streams } from '@ssp/domain';
import type { PortalCommand, PortalServices } from '../services';
import { eventCount, seedIds, stepUpDirectly } from '../testing';
import { expectAccessible } from './accessibility';
import { clickThrough, startBrowserPortal, type BrowserPortal } from './harness';
import { approveOnPhone, beginStepUp, headingOf, mainText, openSimulatedPhone, signInAtPrompt } from './steps';

const run = async (services: PortalServices, command: PortalCommand): Promise<void> => {
  const result = await services.execute(command);
  if (!result.ok) throw new Error(`${command.type} was refused: ${result.error.code} ${result.error.message}`);
};

/** Lee's own visit, earlier, through the command handler: a step-up, and Duo Mobile activated on his phone, so that it can take a push. */
const leeActivatesDuoMobile = async (services: PortalServices): Promise<void> => {
  const sessionId = services.newId();
  const userId = seedIds.lee;
  const actor = { kind: 'user', userId, sessionId } as const;
  await run(services, { type: 'StartPortalSession', actor: { kind: 'user', userId }, data: { sessionId, userId, applicationId: seedIds.intranet } });
  const steppedUp = await stepUpDirectly(services, { userId, sessionId, deviceId: seedIds.leePhone, method: 'CALL' });
  if (!steppedUp.ok) throw new Error(`Lee's step-up was refused: ${steppedUp.error.code}`);
  const activationId = services.newId();
  await run(services, { type: 'IssueDuoMobileActivation', actor, data: { userId, deviceId: seedIds.leePhone, activationId } });
  await run(services, { type: 'ActivateDuoMobile', actor, data: { userId, deviceId: seedIds.leePhone, activationId } });
  await run(services, { type: 'EndPortalSession', actor, data: { sessionId } });
};

const eventsOfStream = async (services: PortalServices, streamName: string): Promise<number> => {
  const read = await services.events.readStream(streamName)();
  if (E.isLeft(read)) throw new Error(`${streamName} could not be read: ${read.left.kind}`);
  return read.right.length;
};

describe('the step-up in a real browser', () => {
  let harness: BrowserPortal;

  beforeAll(async () => {
    harness = await startBrowserPortal();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('given a call waiting on the phone, when the phone answers, then the waiting page moves on to My Settings & Devices by itself', async () => {
    const jordan = await harness.newPage({ stepUpPolling: true });
    await signInAtPrompt(jordan, 'Intranet', 'jordan');
    await clickThrough(jordan, jordan.getByRole('link', { name: 'Add a New Device' }));
    await jordan.getByLabel('Platform').selectOption({ label: 'iOS' });
    await jordan.getByLabel('Phone number').fill('(415) 555-2671');
    await clickThrough(jordan, jordan.getByRole('button', { name: 'Add device' }));
    await clickThrough(jordan, jordan.getByRole('link', { name: 'My Settings & Devices' }));
    await beginStepUp(jordan, 'iOS phone', 'Call me');

    const phone = await openSimulatedPhone(jordan);
    await approveOnPhone(phone);

    // The page's own script reloads it while it waits; nobody presses Continue.
    await jordan.waitForURL('**/portal/devices');
    expect(await headingOf(jordan)).toBe('My Settings & Devices');
  });

  describe('the 2017 flaw: a step-up begun but never completed', () => {
    let attacker: Page;
    let csrfToken: string;
    let before: Readonly<{ store: number; leesDevices: number }>;

    const counts = async () => ({
      store: await eventCount(harness.portal.services),
      leesDevices: await eventsOfStream(harness.portal.services, streams.userDevices(seedIds.lee)),
    });

    beforeAll(async () => {
      await leeActivatesDuoMobile(harness.portal.services);
      attacker = await harness.newPage();
      await signInAtPrompt(attacker, 'Intranet', 'lee');
      await clickThrough(attacker, attacker.getByRole('link', { name: 'My Settings & Devices' }));
      await beginStepUp(attacker, "Lee's phone", 'Send me a push (Duo Mobile)');
      // The page's own token, as a script in it would send it.
      csrfToken = await attacker.locator('input[name="_csrf"]').first().inputValue();
      before = await counts();
    });

    it('given the push waiting on the phone, then the page only waits for it, and is accessible', async () => {
      expect(await mainText(attacker)).toContain("A push was sent to Lee's phone (•••0142). Approve it on the phone.");
      await expectAccessible(attacker);
    });

    // The prompt names the devices a second factor can go to, as Duo's does; what My Settings &
    // Devices shows of them (Duo Mobile, token types, dates) and its actions stay hidden.
    it.each(['/portal/devices', '/portal/step-up/wait'])('when the attacker types %s, then no device is shown and nothing can be changed', async (path) => {
      await attacker.goto(path);

      expect(await headingOf(attacker)).toBe('Verify it is you');
      expect(await attacker.getByRole('heading', { name: 'My Settings & Devices' }).count()).toBe(0);
      expect(await attacker.getByRole('button', { name: /Rename|Remove|default|Activate/ }).count()).toBe(0);
      expect(await mainText(attacker)).not.toMatch(/Duo Mobile: (not )?activated|Type t6|added 20/);
    });

    it.each([
      ['rename the phone', `/portal/devices/${seedIds.leePhone}/rename`, { name: 'Attacker' }],
      ['make it the default', `/portal/devices/${seedIds.leePhone}/default`, { loginAction: 'PUSH' }],
      ['issue a Duo Mobile activation', `/portal/devices/${seedIds.leePhone}/activation`, {}],
      ['remove the phone', `/portal/devices/${seedIds.leePhone}/remove`, {}],
      ['remove the hardware token', `/portal/tokens/${seedIds.leeToken}/remove`, {}],
      ['add a device of their own', '/portal/add-device', { kind: 'MOBILE', platform: 'ANDROID', country: '1', phoneNumber: '(212) 555-0123', extension: '', name: 'Mine' }],
    ])('when the attacker posts the form to %s with the page\'s CSRF token, then the step-up is asked for and nothing is appended', async (_what, path, fields) => {
      const response = await attacker.request.post(path, { form: { ...fields, _csrf: csrfToken }, maxRedirects: 0 });

      expect(response.status()).toBe(303);
      expect(response.headers()['location']).toBe('/portal/step-up');
      expect(await counts()).toEqual(before);
    });

    it("when the attacker asks the JSON API for Lee's devices, then it answers that a step-up is required, and no device", async () => {
      const response = await attacker.request.get('/api/me/devices');

      expect(response.status()).toBe(403);
      const body = await response.text();
      expect(body).toContain('STEP_UP_REQUIRED');
      expect(body).not.toContain(seedIds.leePhone);
    });

    it('then, after all of it, the push still waits unanswered on the phone and the store holds what it held', async () => {
      const phone = await attacker.context().newPage();
      await phone.goto(`/phone/${seedIds.leePhone}`);

      expect(await phone.getByRole('heading', { name: 'Duo Push: login request' }).count()).toBe(1);
      expect(await counts()).toEqual(before);
    });
  });
});
