import type { Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { clickThrough, startBrowserPortal, type BrowserPortal } from './harness';
import { approveOnPhone, beginStepUp, flashOf, headingOf, mainText, openApplication, openSimulatedPhone, refusalOf, saveSelfService, signInAtPrompt, signInToAdminPanel, textOf } from './steps';

// The refusals of the seed story, as a person meets them on the page: each shows the rule's
// reason in words and the contract's code, and changes nothing that the page then shows.
describe('the refusals of the seed, seen on the page', () => {
  let harness: BrowserPortal;

  beforeAll(async () => {
    harness = await startBrowserPortal();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const selfServiceStatus = (page: Page): Promise<string> => textOf(page, '[data-testid="self-service-status"]');

  it.each([
    ['Sam', 'HELP_DESK'],
    ['Rio', 'READ_ONLY'],
  ])('given %s (%s), when he ticks the box on the VPN and saves, then his role is refused and self-service stays off', async (name) => {
    const admin = await harness.newPage();
    await signInToAdminPanel(admin, name);
    await openApplication(admin, 'Acme VPN');

    await saveSelfService(admin, true);

    expect(await refusalOf(admin)).toMatch(/^Your administrator role does not allow this\. .+ Refused: ROLE_NOT_PERMITTED$/);
    expect(await selfServiceStatus(admin)).toBe('Off');
    await expectAccessible(admin);
  });

  it("given Bob's bakery on the Personal edition, when Bob ticks the box on his web shop and saves, then the edition is refused", async () => {
    const bob = await harness.newPage();
    await signInToAdminPanel(bob, 'Bob');
    await openApplication(bob, 'Web shop');

    await saveSelfService(bob, true);

    expect(await refusalOf(bob)).toMatch(/^The account's edition does not include the self-service portal\. .+ Refused: EDITION_NOT_ELIGIBLE$/);
    expect(await selfServiceStatus(bob)).toBe('Off');
    await expectAccessible(bob);
  });

  it('given the SSH gateway, when Ade opens it, then the page says it has no web prompt, and saving the box is refused for its type', async () => {
    const ade = await harness.newPage();
    await signInToAdminPanel(ade, 'Ade');
    await openApplication(ade, 'Build servers');
    expect(await mainText(ade)).toContain('Applications of type UNIX_SSH have no web prompt, so the self-service portal cannot be offered through them.');

    await saveSelfService(ade, true);

    expect(await refusalOf(ade)).toMatch(/^This application's type has no web prompt to host the portal\. .+ Refused: APPLICATION_TYPE_UNSUPPORTED$/);
    expect(await selfServiceStatus(ade)).toBe('Off');
    await expectAccessible(ade);
  });

  it("given the VPN with self-service off, when Jordan signs in at its prompt, then the password is accepted but the portal is not offered, and the page says why", async () => {
    const jordan = await harness.newPage();

    await signInAtPrompt(jordan, 'Acme VPN', 'jordan');

    expect(await textOf(jordan, '[data-testid="portal-unavailable"]')).toBe('Your password was accepted, jordan, but the self-service portal is not available through this application.');
    expect(await refusalOf(jordan)).toMatch(/^Self-service is not in effect for this application\. .+ Refused: SELF_SERVICE_NOT_ENABLED$/);
    expect(await jordan.getByRole('link', { name: 'My Settings & Devices' }).count()).toBe(0);
    await expectAccessible(jordan);
  });

  it('given Priya with one phone and a completed step-up, when she removes it, then her last device is refused and stays listed', async () => {
    const priya = await harness.newPage();
    await signInAtPrompt(priya, 'Intranet', 'priya');
    await clickThrough(priya, priya.getByRole('link', { name: 'Add a New Device' }));
    await priya.getByRole('radio', { name: 'Mobile phone' }).check();
    await priya.getByLabel('Platform').selectOption({ label: 'Android' });
    await priya.getByLabel('Phone number').fill('(646) 555-0199');
    await clickThrough(priya, priya.getByRole('button', { name: 'Add device' }));
    await clickThrough(priya, priya.getByRole('link', { name: 'My Settings & Devices' }));
    await beginStepUp(priya, 'Android phone', 'Call me');
    const phone = await openSimulatedPhone(priya);
    await approveOnPhone(phone);
    await phone.close();
    await clickThrough(priya, priya.getByRole('button', { name: 'Continue' }));

    await clickThrough(priya, priya.getByRole('button', { name: 'Remove Android phone' }));

    expect(await refusalOf(priya)).toMatch(/^You cannot remove your last device\. .+ Refused: LAST_DEVICE$/);
    expect(await priya.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Android phone']);
    await expectAccessible(priya);
  });

  it('given a sign-in form whose CSRF token was tampered with, when it is sent, then the form is refused and nobody is signed in', async () => {
    const visitor = await harness.newPage();
    await visitor.goto('/admin/sign-in');
    await visitor.evaluate(`document.querySelector('input[name="_csrf"]').value = 'forged'`);
    await visitor.getByRole('radio', { name: /^Alex \(/ }).check();

    await clickThrough(visitor, visitor.getByRole('button', { name: 'Sign in' }));

    expect(await headingOf(visitor)).toBe('The form was refused');
    expect(await textOf(visitor, '[role="alert"]')).toContain('CSRF protection');
    await expectAccessible(visitor);
    await visitor.goto('/admin/applications');
    expect(visitor.url()).toMatch(/\/admin\/sign-in$/);
  });

  it('given an address that leads nowhere, then the page says so', async () => {
    const visitor = await harness.newPage();

    const response = await visitor.goto('/portal/nowhere');

    expect(response?.status()).toBe(404);
    expect(await headingOf(visitor)).toBe('Page not found');
    await expectAccessible(visitor);
  });

  // Last: it turns new enrollment off for Acme, which every other refusal here leaves on.
  it('given Maria, the owner, when she turns new enrollment off, then self-service on the Intranet shows as suspended and why, and its prompt offers no portal', async () => {
    const maria = await harness.newPage();
    await signInToAdminPanel(maria, 'Maria');
    await clickThrough(maria, maria.getByRole('navigation', { name: 'Admin Panel' }).getByRole('link', { name: 'Account settings' }));
    await expectAccessible(maria);

    await maria.getByRole('checkbox', { name: /^Let users enroll new devices/ }).uncheck();
    await clickThrough(maria, maria.getByRole('button', { name: 'Save new enrollment' }));
    expect(await flashOf(maria)).toBe('New enrollment saved.');

    await openApplication(maria, 'Intranet');
    expect(await selfServiceStatus(maria)).toBe('Suspended: new enrollment is turned off for the account');
    await expectAccessible(maria);
    const lee = await harness.newPage();
    await signInAtPrompt(lee, 'Intranet', 'lee');
    expect(await refusalOf(lee)).toMatch(/^Self-service is not in effect for this application\. .+ Refused: SELF_SERVICE_NOT_ENABLED$/);
  });
});
