import { accessibilityProblemsOf } from './accessibility';
import { startBrowserPortal, type BrowserPortal } from './harness';
import { signInAtPrompt } from './steps';

// What the browser itself enforces of the app's protections, and that the accessibility check
// the other browser specs lean on does find what it is there to find.
describe('the portal as Chromium enforces it', () => {
  let harness: BrowserPortal;

  beforeAll(async () => {
    harness = await startBrowserPortal();
  });

  afterAll(async () => {
    await harness?.close();
  });

  const injectedScriptRan = "document.documentElement.dataset.injected === 'yes'";
  const injectScript = "document.documentElement.dataset.injected = 'yes'";

  it('given the Content-Security-Policy, when a script is injected inline into a page, then the browser refuses to run it', async () => {
    const page = await harness.newPage({ enforceContentSecurityPolicy: true });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    await page.goto('/');

    // Playwright may or may not report the refusal as an error; what counts is whether the script ran.
    await page.addScriptTag({ content: injectScript }).catch(() => undefined);

    expect(await page.evaluate(injectedScriptRan)).toBe(false);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('given a context that bypasses the policy, when the same script is injected, then it runs (the check above can fail)', async () => {
    const page = await harness.newPage();
    await page.goto('/');

    await page.addScriptTag({ content: injectScript });

    expect(await page.evaluate(injectedScriptRan)).toBe(true);
  });

  it("given a user signed in, then the session cookie is the server's only: httpOnly, SameSite=Lax, and unreadable by the page's scripts", async () => {
    const page = await harness.newPage();

    await signInAtPrompt(page, 'Intranet', 'lee');

    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([{ name: 'portal.sid', httpOnly: true, sameSite: 'Lax' }]);
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('given a page with an unlabelled field and unreadable text, when the accessibility check runs, then it reports both', async () => {
    const page = await harness.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>Bad</title></head><body><main><p style="color:#ddd;background:#fff">faint</p><input type="text"></main></body></html>');

    const problems = await accessibilityProblemsOf(page);

    expect(problems.some((problem) => problem.includes('color-contrast (serious)'))).toBe(true);
    expect(problems.some((problem) => problem.includes('label (critical)'))).toBe(true);
  });
});
