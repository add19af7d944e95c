import type { Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { clickThrough, openInNewTab, saveScreenshot, startBrowserPortal, type BrowserPortal } from './harness';
import { approveOnPhone, beginStepUp, flashOf, headingOf, mainText, openApplication, openSimulatedPhone, saveSelfService, signInAtPrompt, signInToAdminPanel, textOf } from './steps';

// The seed's story (examples/seed-story), clicked through in Chromium by the people it names.
// Each step is a test of its own and starts where the one before ended, as the story does:
// a step that fails leaves the ones after it failing too, and the first failure is the one
// to read. Every page the story visits passes axe-core's check.
describe('the seed story, clicked through in a real browser', () => {
  let harness: BrowserPortal;
  let ade: Page;
  let sam: Page;
  let jordan: Page;

  beforeAll(async () => {
    harness = await startBrowserPortal();
    ade = await harness.newPage();
    sam = await harness.newPage();
    jordan = await harness.newPage();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const phoneCard = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

  it('given Ade, an application manager, when he ticks "Let users manage their devices" on the VPN and saves, then self-service is in effect', async () => {
    await ade.goto('/admin/sign-in');
    expect(await mainText(ade)).toContain('Demo sign-in: choose an administrator.');
    await expectAccessible(ade);
    await signInToAdminPanel(ade, 'Ade');
    expect(await headingOf(ade)).toBe('Applications');
    await expectAccessible(ade);

    await openApplication(ade, 'Acme VPN');
    expect(await headingOf(ade)).toBe('Acme VPN');
    expect(await textOf(ade, '[data-testid="self-service-status"]')).toBe('Off');
    await expectAccessible(ade);

    await saveSelfService(ade, true);
    expect(await flashOf(ade)).toBe('Changes saved.');
    expect(await textOf(ade, '[data-testid="self-service-status"]')).toBe('In effect');
    expect(await ade.getByRole('checkbox', { name: 'Let users manage their devices' }).isChecked()).toBe(true);
    await expectAccessible(ade);
    await saveScreenshot(ade, 'admin-application');
  });

  it('given self-service on the VPN, when Jordan signs in at its prompt and adds a first phone, then the password alone enrolls it', async () => {
    await jordan.goto('/');
    await expectAccessible(jordan);
    await clickThrough(jordan, jordan.getByRole('link', { name: 'Acme VPN', exact: true }));
    expect(await headingOf(jordan)).toBe('Sign in to Acme VPN');
    await expectAccessible(jordan);
    await saveScreenshot(jordan, 'prompt');

    await signInAtPrompt(jordan, 'Acme VPN', 'jordan');
    expect(await flashOf(jordan)).toBe('Signed in to Acme VPN as jordan.');
    const offered = jordan.getByRole('navigation', { name: 'Manage your devices' }).getByRole('link');
    expect(await offered.allTextContents()).toEqual(['Add a New Device', 'My Settings & Devices']);
    await expectAccessible(jordan);

    await clickThrough(jordan, jordan.getByRole('link', { name: 'Add a New Device' }));
    await expectAccessible(jordan);
    await jordan.getByRole('radio', { name: 'Mobile phone' }).check();
    await jordan.getByLabel('Platform').selectOption({ label: 'iOS' });
    await jordan.getByLabel('Country').selectOption({ label: 'United States / Canada (+1)' });
    await jordan.getByLabel('Phone number').fill('(415) 555-2671');
    await clickThrough(jordan, jordan.getByRole('button', { name: 'Add device' }));
    expect(await flashOf(jordan)).toBe('Added iOS phone.');
  });

  it('given Jordan with a phone, when Sam of the help desk assigns Jordan a YubiKey, then the Admin Panel lists it', async () => {
    await signInToAdminPanel(sam, 'Sam');
    await clickThrough(sam, sam.getByRole('navigation', { name: 'Admin Panel' }).getByRole('link', { name: 'Users' }));
    await expectAccessible(sam);
    await clickThrough(sam, sam.getByRole('link', { name: 'jordan', exact: true }));
    expect(await sam.getByRole('table', { name: 'Phones of jordan' }).textContent()).toContain('iOS phone');
    await expectAccessible(sam);

    await sam.getByLabel('Serial').fill('YK-0042');
    await sam.getByLabel('Type').selectOption({ label: 'YubiKey (yk)' });
    await clickThrough(sam, sam.getByRole('button', { name: 'Assign token' }));
    expect(await flashOf(sam)).toBe('Hardware token assigned.');
    expect(await sam.getByRole('table', { name: 'Hardware tokens of jordan' }).textContent()).toContain('YK-0042');
  });

  it('given a phone without Duo Mobile, when Jordan opens My Settings & Devices, then push is refused and a call answered on the simulated phone completes the step-up', async () => {
    await clickThrough(jordan, jordan.getByRole('link', { name: 'My Settings & Devices' }));
    expect(await headingOf(jordan)).toBe('Verify it is you');
    await expectAccessible(jordan);

    await beginStepUp(jordan, 'iOS phone', 'Send me a push (Duo Mobile)');
    expect(await textOf(jordan, '[data-testid="refusal"]')).toContain('The device cannot do this.');
    await expectAccessible(jordan);

    await beginStepUp(jordan, 'iOS phone', 'Call me');
    expect(await mainText(jordan)).toContain('We are calling iOS phone');
    await expectAccessible(jordan);
    const phone = await openSimulatedPhone(jordan);
    expect(await headingOf(phone)).toBe('Simulated phone: iOS phone');
    expect(await phone.getByRole('heading', { name: 'Incoming call from Duo' }).count()).toBe(1);
    // The notification worker texted the phone when it was enrolled, tests ago.
    expect(await textOf(phone, '[data-testid="notice-text"]')).toContain('(•••2671) was added to your account');
    await expectAccessible(phone);
    await approveOnPhone(phone);
    expect(await flashOf(phone)).toBe('Approved. Go back to the prompt.');
    await phone.close();

    await clickThrough(jordan, jordan.getByRole('button', { name: 'Continue' }));
    expect(await headingOf(jordan)).toBe('My Settings & Devices');
    expect(await flashOf(jordan)).toBe('Verified: you can manage your devices now.');
    expect(await phoneCard(jordan, 'iOS phone').count()).toBe(1);
    expect(await jordan.getByRole('region', { name: 'Token YK-0042' }).count()).toBe(1);
    await expectAccessible(jordan);
  });

  it('given a completed step-up, when Jordan adds a tablet and scans its activation code on the simulated tablet, then Duo Mobile is active on it', async () => {
    await clickThrough(jordan, jordan.getByRole('link', { name: 'Add a New Device' }));
    await jordan.getByRole('radio', { name: 'Tablet (iPad, Android tablet)' }).check();
    await jordan.getByLabel('Platform').selectOption({ label: 'iOS' });
    await clickThrough(jordan, jordan.getByRole('button', { name: 'Add device' }));
    expect(await flashOf(jordan)).toBe('Added iOS tablet.');
    await clickThrough(jordan, jordan.getByRole('link', { name: 'My Settings & Devices' }));
    expect(await phoneCard(jordan, 'iOS tablet').textContent()).toContain('Duo Mobile: not activated');

    await clickThrough(jordan, jordan.getByRole('button', { name: 'Activate Duo Mobile on iOS tablet' }));
    expect(await headingOf(jordan)).toBe('Activate Duo Mobile on iOS tablet');
    const code = await textOf(jordan, '[data-testid="activation-code"]');
    expect(code).toMatch(/^[A-Z0-9-]{8,}$/);
    expect(await jordan.getByRole('img', { name: `QR code of the activation code ${code}` }).count()).toBe(1);
    await expectAccessible(jordan);
    await saveScreenshot(jordan, 'activation');

    const tablet = await openInNewTab(jordan, jordan.getByRole('link', { name: 'Open the simulated phone' }));
    await tablet.getByRole('textbox', { name: 'Activation code' }).fill(code);
    await clickThrough(tablet, tablet.getByRole('button', { name: 'Scan' }));
    expect(await flashOf(tablet)).toBe('Duo Mobile is activated on this phone.');
    await expectAccessible(tablet);
    await tablet.close();

    await clickThrough(jordan, jordan.getByRole('link', { name: 'Back to My Settings & Devices' }));
    expect(await phoneCard(jordan, 'iOS tablet').textContent()).toContain('Duo Mobile: activated');
  });

  it('given the activated tablet, when Jordan renames it, then it shows by its new name', async () => {
    const card = phoneCard(jordan, 'iOS tablet');
    await card.getByRole('textbox', { name: 'New name for iOS tablet' }).fill("Jordan's iPad");
    await clickThrough(jordan, card.getByRole('button', { name: 'Rename' }));
    expect(await flashOf(jordan)).toBe("Renamed to Jordan's iPad.");
    expect(await jordan.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['iOS phone', "Jordan's iPad", 'Token YK-0042']);
  });

  it('given a later visit, when Jordan steps up by a push approved on the simulated iPad, then My Settings & Devices opens again', async () => {
    await clickThrough(jordan, jordan.getByRole('button', { name: 'Sign out of the portal' }));
    expect(await flashOf(jordan)).toBe('Signed out of the portal.');
    await signInAtPrompt(jordan, 'Acme VPN', 'jordan');
    await clickThrough(jordan, jordan.getByRole('link', { name: 'My Settings & Devices' }));
    expect(await headingOf(jordan)).toBe('Verify it is you');

    await beginStepUp(jordan, "Jordan's iPad", 'Send me a push (Duo Mobile)');
    expect(await mainText(jordan)).toContain("A push was sent to Jordan's iPad. Approve it on the phone.");
    await saveScreenshot(jordan, 'step-up');
    const ipad = await openSimulatedPhone(jordan);
    expect(await ipad.getByRole('heading', { name: 'Duo Push: login request' }).count()).toBe(1);
    await saveScreenshot(ipad, 'simulated-phone');
    await approveOnPhone(ipad);
    expect(await flashOf(ipad)).toBe('Approved. Go back to the prompt.');
    await ipad.close();

    await clickThrough(jordan, jordan.getByRole('button', { name: 'Continue' }));
    expect(await headingOf(jordan)).toBe('My Settings & Devices');
    expect(await mainText(jordan)).toContain('Verified with a PUSH');
  });

  it('given the iPad, when Jordan makes it the default with automatic push, then it carries the default marker', async () => {
    const card = phoneCard(jordan, "Jordan's iPad");
    await card.getByRole('combobox', { name: "When I log in with Jordan's iPad" }).selectOption({ label: 'Automatically send this device a Duo Push' });
    await clickThrough(jordan, card.getByRole('button', { name: "Make Jordan's iPad the default" }));
    expect(await flashOf(jordan)).toBe('Default device saved.');
    expect(await jordan.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['iOS phone', "Jordan's iPad (default: PUSH)", 'Token YK-0042']);
  });

  it('given the YubiKey, when Jordan removes it, then only the phone and the iPad are left', async () => {
    await clickThrough(jordan, jordan.getByRole('button', { name: 'Remove token YK-0042' }));
    expect(await flashOf(jordan)).toBe('Hardware token YK-0042 removed.');
    expect(await jordan.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['iOS phone', "Jordan's iPad (default: PUSH)"]);
    expect(await mainText(jordan)).toContain('No hardware token.');
    await expectAccessible(jordan);
    await saveScreenshot(jordan, 'devices');
  });

  it("given the story told, when Ade opens Jordan's audit, then it names the devices, finds every change stepped up, and the hash chains intact", async () => {
    await clickThrough(ade, ade.getByRole('navigation', { name: 'Admin Panel' }).getByRole('link', { name: 'Audit' }));
    await expectAccessible(ade);
    await clickThrough(ade, ade.getByRole('link', { name: 'Audit of jordan' }));
    expect(await headingOf(ade)).toBe('Audit of jordan');
    expect(await textOf(ade, '[data-testid="verify-result"]')).toMatch(/^Intact: \d+ events in \d+ streams/);
    expect(await textOf(ade, '[data-testid="compliance-summary"]')).toMatch(/^(\d+) of \1 device changes compliant; 0 flagged/);
    const timeline = (await ade.getByRole('table', { name: 'What happened to jordan, in order' }).textContent()) ?? '';
    expect(timeline).toContain("Jordan's iPad");
    expect(timeline).toContain('first device: primary authentication only');
    await expectAccessible(ade);
    await saveScreenshot(ade, 'audit');
  });
});
