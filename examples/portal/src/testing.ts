/**
 * Test helpers for the portal's specs (pages, API, browser): an app on the in-memory store,
 * seeded with the organisation, on a clock the test moves; and sign-ins that answer the
 * session cookie and a CSRF token to send with forms (`_csrf`) or as the `x-csrf-token` header.
 */
import * as E from 'fp-ts/Either';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CommandResult } from '@ssp/commands';
import type { StepUpMethod } from '@ssp/domain';
import { createInMemoryConsumerGroups, createInMemoryEventStore, createInMemoryReadModelStore } from '@ssp/eventstore';
import { buildApp, type BuildAppOptions } from './app';
import { demoPasswordOf } from './demo/passwords';
import { seedIds } from './demo/people';
import { seedIfEmpty } from './seed/seed';
import { createPortalServices, type PortalServices } from './services';
import type { PortalStores } from './stores/open-stores';

export { seedIds } from './demo/people';

/** The seed's clock starts here: 2026-11-28T09:00:00Z, as the seed story's does. */
export const T0 = '2026-11-28T09:00:00.000Z';

export type TestClock = Readonly<{ now: () => string; advance: (seconds: number) => void }>;

export const createTestClock = (start = T0): TestClock => {
  let millis = Date.parse(start);
  return { now: () => new Date(millis).toISOString(), advance: (seconds) => void (millis += seconds * 1000) };
};

export type TestPortal = Readonly<{ app: FastifyInstance; services: PortalServices; clock: TestClock; close: () => Promise<void> }>;

export type TestPortalOptions = Readonly<{
  /** Seed the organisation (default true). */
  seed?: boolean;
  /** Use these stores instead of new in-memory ones. */
  stores?: PortalStores;
  rateLimit?: BuildAppOptions['rateLimit'];
  /** Serve as behind TLS: secure cookies and Strict-Transport-Security (default false). */
  secureCookie?: boolean;
}>;

/** New in-memory stores, with their consumer groups. */
export const inMemoryStores = (): PortalStores => {
  const events = createInMemoryEventStore();
  return { events, readModels: createInMemoryReadModelStore(), groups: createInMemoryConsumerGroups(events), description: 'memory', close: () => events.close() };
};

/** An app ready for `inject`, seeded unless told otherwise. Close it after the test. */
export const startTestPortal = async (options: TestPortalOptions = {}): Promise<TestPortal> => {
  const clock = createTestClock();
  const created = await createPortalServices({ stores: options.stores ?? inMemoryStores(), clock: clock.now });
  if (E.isLeft(created)) throw new Error(`the test portal's services did not start: ${created.left.kind}`);
  const services = created.right;
  if (options.seed ?? true) {
    const seeded = await seedIfEmpty(services);
    if (E.isLeft(seeded)) throw new Error(`the test portal's seed failed: ${JSON.stringify(seeded.left)}`);
  }
  const app = await buildApp({ services, rateLimit: options.rateLimit ?? { max: 1000, timeWindowMs: 60_000 }, sessionSecret: 'a test secret of at least thirty-two characters', secureCookie: options.secureCookie ?? false });
  return {
    app,
    services,
    clock,
    close: async () => {
      await app.close();
      await services.close();
    },
  };
};

/** A browser's state: its cookie header, and a CSRF token valid for its session. */
export type SignedIn = Readonly<{ cookie: string; csrfToken: string }>;

/** The `_csrf` value of the first form of a page. */
export const csrfTokenOf = (html: string): string | undefined => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** The session cookie a response sets, as a `cookie` header value (name=value). */
export const sessionCookieOf = (response: LightMyRequestResponse): string | undefined => {
  const cookie = response.cookies.find((candidate) => candidate.name === 'portal.sid');
  return cookie === undefined ? undefined : `${cookie.name}=${cookie.value}`;
};

/** Loads a page with the cookie and answers a fresh CSRF token of that session. */
export const freshCsrfToken = async (app: FastifyInstance, cookie: string, url = '/'): Promise<SignedIn> => {
  const page = await app.inject({ method: 'GET', url, headers: { cookie } });
  const token = csrfTokenOf(page.body);
  if (token === undefined) throw new Error(`no CSRF token on ${url} (status ${page.statusCode})`);
  return { cookie: sessionCookieOf(page) ?? cookie, csrfToken: token };
};

/** A new browser: its first page gives it a session and a CSRF token. */
export const newBrowser = async (app: FastifyInstance, url = '/admin/sign-in'): Promise<SignedIn> => {
  const page = await app.inject({ method: 'GET', url });
  const cookie = sessionCookieOf(page);
  const token = csrfTokenOf(page.body);
  if (cookie === undefined || token === undefined) throw new Error(`${url} gave no session or no CSRF token (status ${page.statusCode})`);
  return { cookie, csrfToken: token };
};

/** Posts a form as the browser would, with its cookie and CSRF token (pass `csrfToken: ''` to leave the token out). */
export const postForm = (app: FastifyInstance, url: string, browser: SignedIn, fields: Readonly<Record<string, string>>): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(browser.csrfToken === '' ? fields : { ...fields, _csrf: browser.csrfToken }).toString(),
  });

/** Signs an administrator in to the Admin Panel (the demo sign-in). */
export const signInAdmin = async (app: FastifyInstance, adminId: string): Promise<SignedIn> => {
  const browser = await newBrowser(app);
  const response = await postForm(app, '/admin/sign-in', browser, { adminId });
  if (response.statusCode !== 303) throw new Error(`admin sign-in answered ${response.statusCode}`);
  return freshCsrfToken(app, sessionCookieOf(response) ?? browser.cookie, '/admin/applications');
};

export type UserSignedIn = SignedIn & Readonly<{ response: LightMyRequestResponse }>;

/**
 * Signs a user in through an application's prompt with their demo password: their portal
 * session starts if self-service is in effect (`response` is then a 303 to `/portal`).
 */
export const signInUser = async (
  app: FastifyInstance,
  user: Readonly<{ username: string; applicationId?: string; password?: string }>,
): Promise<UserSignedIn> => {
  const applicationId = user.applicationId ?? seedIds.intranet;
  const browser = await newBrowser(app, `/prompt/${applicationId}`);
  const response = await postForm(app, `/prompt/${applicationId}`, browser, { username: user.username, password: user.password ?? demoPasswordOf(user.username) });
  const cookie = sessionCookieOf(response) ?? browser.cookie;
  const fresh = await freshCsrfToken(app, cookie, `/prompt/${applicationId}`);
  return { ...fresh, response };
};

/** The portal session id of a signed-in browser, as the server keeps it. */
export const portalSessionIdOf = async (app: FastifyInstance, browser: SignedIn): Promise<string | undefined> => {
  const page = await app.inject({ method: 'GET', url: '/portal', headers: { cookie: browser.cookie } });
  return /data-portal-session="([^"]+)"/.exec(page.body)?.[1];
};

/**
 * Test setup for a completed step-up, without the pages: the user begins it in their session
 * and the authenticator completes it, both through the command handler.
 */
export const stepUpDirectly = async (
  services: PortalServices,
  step: Readonly<{ userId: string; sessionId: string; deviceId: string; method: StepUpMethod }>,
): Promise<CommandResult> => {
  const begun = await services.execute({
    type: 'BeginStepUp',
    actor: { kind: 'user', userId: step.userId, sessionId: step.sessionId },
    data: { sessionId: step.sessionId, deviceId: step.deviceId, method: step.method },
  });
  if (!begun.ok) return begun;
  return services.execute({ type: 'CompleteStepUp', actor: { kind: 'authenticator' }, data: { sessionId: step.sessionId } });
};

/** How many events the store holds: a refused request must leave it unchanged. */
export const eventCount = async (services: PortalServices): Promise<number> => {
  const counted = await services.countEvents()();
  if (E.isLeft(counted)) throw new Error(`the store could not be counted: ${counted.left.kind}`);
  return counted.right;
};

/**
 * Loads a page again until `holds` is true of it, at most `boundMs`: for what the server does
 * in its own time (the notification worker). Fails naming `what`, with the last page's body.
 */
export const pageUntil = async (
  app: FastifyInstance,
  request: Readonly<{ url: string; cookie?: string }>,
  what: string,
  holds: (body: string) => boolean,
  boundMs = 5_000,
): Promise<LightMyRequestResponse> => {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const page = await app.inject({ method: 'GET', url: request.url, headers: request.cookie === undefined ? {} : { cookie: request.cookie } });
    if (holds(page.body)) return page;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} on ${request.url} (status ${page.statusCode}): ${page.body.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
