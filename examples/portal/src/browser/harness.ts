/**
 * The browser specs' harness: the portal served over real HTTP on 127.0.0.1 (a port of the
 * system's choosing), on the in-memory store seeded with the organisation, and Debian's
 * Chromium driven by playwright-core. One harness per spec file; each person of a spec (an
 * administrator, a user, an attacker) gets a browser context of their own, so their cookies
 * never mix.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../testing';

/** Where Debian's `chromium` package installs the browser; `.ci/run` installs it when missing. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Headless, and quiet on the network: without the background-networking flags Chromium keeps
 * trying to reach Google's services, which this closed network refuses. `launch` gives every
 * browser a fresh, temporary user-data directory of its own.
 */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where screenshots go: docs/images, which the README and docs/portal.md show, only when
 * `SSP_UPDATE_SCREENSHOTS=1` asks for it (ids and QR codes differ on every run, so a plain test
 * run must not rewrite committed files); a folder under the system's temp directory otherwise.
 */
export const imagesDirectory =
  process.env.SSP_UPDATE_SCREENSHOTS === '1' ? join(__dirname, '..', '..', '..', '..', 'docs', 'images') : join(tmpdir(), 'ssp-portal-screenshots');

export const viewport = { width: 1280, height: 800 } as const;

export type PageOptions = Readonly<{
  /**
   * Keep the step-up page's polling script (it reloads the page every two seconds while a push
   * or call waits). Off by default: a page that reloads itself pulls the document out from under
   * the accessibility check, so most specs take the page's no-script path (its Continue button);
   * the spec of the polling itself turns it on.
   */
  stepUpPolling?: boolean;
  /**
   * Enforce the app's Content-Security-Policy. Off by default, so that the accessibility check
   * can inject axe-core as an inline script; security.browser.spec.ts turns it on.
   */
  enforceContentSecurityPolicy?: boolean;
}>;

export type BrowserPortal = Readonly<{
  portal: TestPortal;
  baseUrl: string;
  /** A new person: a browser context of their own (cookies, session), and its first page. */
  newPage: (options?: PageOptions) => Promise<Page>;
  close: () => Promise<void>;
}>;

/** Refuses to go on without Chromium: a browser spec never passes by skipping. */
const requireChromium = (): void => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The browser specs need Chromium at ${chromiumPath}, and it is not there. ` +
        "Install Debian's package (`sudo apt-get install -y chromium`); .ci/run installs it when it is missing.",
    );
  }
};

const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

/** The portal listening on 127.0.0.1, a port of the system's choosing, and a Chromium to browse it. */
export const startBrowserPortal = async (): Promise<BrowserPortal> => {
  // Before anything starts: without Chromium, every test of the spec fails with this message.
  requireChromium();
  const portal = await startTestPortal();
  // Fastify answers the address it listens on, with the port the system chose.
  const baseUrl = await portal.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await portal.close();
    throw error;
  });
  const contexts: BrowserContext[] = [];

  const newPage = async (options: PageOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ baseURL: baseUrl, viewport, bypassCSP: options.enforceContentSecurityPolicy !== true });
    contexts.push(context);
    // Every page answers within milliseconds here: a locator still unmatched after 10 s will not match.
    context.setDefaultTimeout(10_000);
    if (options.stepUpPolling !== true) {
      await context.route('**/assets/step-up.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    }
    return context.newPage();
  };

  return {
    portal,
    baseUrl,
    newPage,
    close: async () => {
      for (const context of contexts) await context.close();
      await browser.close();
      await portal.close();
    },
  };
};

/**
 * Does what moves the page on (a click on a link or a form's button) and waits until the
 * browser has loaded the page the server answers, redirects followed: the next assertion then
 * reads the new document, even when its address is the one before.
 */
export const navigate = async (page: Page, action: () => Promise<void>): Promise<void> => {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
};

/** Clicks a link or button and waits for the page it leads to. */
export const clickThrough = (page: Page, target: Locator): Promise<void> => navigate(page, () => target.click());

/** Opens a link that opens a new tab (`target="_blank"`), and answers that tab once loaded. */
export const openInNewTab = async (page: Page, link: Locator): Promise<Page> => {
  const opened = page.context().waitForEvent('page');
  await link.click();
  const tab = await opened;
  await tab.waitForLoadState('load');
  return tab;
};

/** Saves a screenshot of the viewport as portal-<name>.png in `imagesDirectory`, and answers its path. */
export const saveScreenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(imagesDirectory, { recursive: true });
  const path = join(imagesDirectory, `portal-${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
};
