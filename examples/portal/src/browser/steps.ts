/**
 * Steps the browser specs share, each as a person takes it: by the words on the page (labels,
 * roles, link and button names), never by a URL the page does not offer, except where a spec
 * means to type one.
 */
import type { Page } from 'playwright-core';
import { demoPasswordOf } from '../demo/passwords';
import { clickThrough, openInNewTab } from './harness';

/** The text of the element, spaces folded, or '' when it has none. */
export const textOf = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The main content's text, spaces folded. */
export const mainText = (page: Page): Promise<string> => textOf(page, 'main');

/** The page's heading. */
export const headingOf = (page: Page): Promise<string> => textOf(page, 'h1');

/** The message the last change left for this page ("Changes saved."). */
export const flashOf = (page: Page): Promise<string> => textOf(page, '.message[role="status"]');

/** Why the domain refused the change, as the page words it, with its code. */
export const refusalOf = (page: Page): Promise<string> => textOf(page, '[data-testid="refusal"]');

/** Signs an administrator in to the Admin Panel, by the name the demo sign-in lists ("Ade"). */
export const signInToAdminPanel = async (page: Page, name: string): Promise<void> => {
  await page.goto('/');
  await clickThrough(page, page.getByRole('link', { name: 'Sign in to the Admin Panel' }));
  await page.getByRole('radio', { name: new RegExp(`^${name} \\(`) }).check();
  await clickThrough(page, page.getByRole('button', { name: 'Sign in' }));
};

/** In the Admin Panel: Applications in the sidebar, then the application's name. */
export const openApplication = async (page: Page, applicationName: string): Promise<void> => {
  await clickThrough(page, page.getByRole('navigation', { name: 'Admin Panel' }).getByRole('link', { name: 'Applications' }));
  await clickThrough(page, page.getByRole('link', { name: applicationName, exact: true }));
};

/** Ticks or clears "Let users manage their devices" and presses Save Changes. */
export const saveSelfService = async (page: Page, on: boolean): Promise<void> => {
  await page.getByRole('checkbox', { name: 'Let users manage their devices' }).setChecked(on);
  await clickThrough(page, page.getByRole('button', { name: 'Save Changes' }));
};

/** From the start page, an application's authentication prompt; then the user's demo password. */
export const signInAtPrompt = async (page: Page, applicationName: string, username: string, password = demoPasswordOf(username)): Promise<void> => {
  await page.goto('/');
  await clickThrough(page, page.getByRole('link', { name: applicationName, exact: true }));
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await clickThrough(page, page.getByRole('button', { name: 'Sign in' }));
};

export type StepUpMethodLabel = 'Send me a push (Duo Mobile)' | 'Call me' | 'Text me a passcode (SMS)';

/**
 * On the step-up page: chooses the device (by the start of its name in the list) and the
 * method, and presses Send. The page then waits for the phone.
 */
export const beginStepUp = async (page: Page, deviceName: string, method: StepUpMethodLabel): Promise<void> => {
  const devices = page.getByLabel('Device');
  const value = await devices.locator('option', { hasText: deviceName }).first().getAttribute('value');
  if (value === null) throw new Error(`the step-up offers no device named ${deviceName}`);
  await devices.selectOption(value);
  await page.getByRole('radio', { name: method }).check();
  await clickThrough(page, page.getByRole('button', { name: 'Send' }));
};

/** The simulated phone, opened from the waiting page's link in a tab of its own. */
export const openSimulatedPhone = (page: Page): Promise<Page> => openInNewTab(page, page.getByRole('link', { name: /^Open the simulated (phone|device)$/ }));

/** On the simulated phone: approves the push ("Approve") or answers the call ("Answer and press 1"). */
export const approveOnPhone = async (phone: Page): Promise<void> => {
  await clickThrough(phone, phone.getByRole('button', { name: /^(Approve|Answer and press 1)$/ }));
};
