/**
 * Helpers for the API's specs: the API as the app registers it (with the app's security
 * plugins: the same session cookie), on seeded in-memory services, without the pages, so that
 * the specs test the API and hold the simulated authenticator it was given. JSON requests as a
 * same-origin client sends them; sign-ins that leave in the session what the pages' leave.
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createSimulatedAuthenticator, type SimulatedAuthenticator } from '../authenticator/simulated-authenticator';
import { registerSecurity } from '../plugins/security';
import { seedIfEmpty } from '../seed/seed';
import { createPortalServices, type PortalServices } from '../services';
import { createTestClock, eventCount, inMemoryStores, seedIds, sessionCookieOf, stepUpDirectly, type TestClock } from '../testing';
import { apiRoutes } from './index';

export type ApiPortal = Readonly<{ app: FastifyInstance; services: PortalServices; clock: TestClock; authenticator: SimulatedAuthenticator; close: () => Promise<void> }>;

/** The seeded organisation's services on a test clock, with the API under /api. Close it after the test. */
export const startApiPortal = async (): Promise<ApiPortal> => {
  const clock = createTestClock();
  const created = await createPortalServices({ stores: inMemoryStores(), clock: clock.now });
  if (E.isLeft(created)) throw new Error(`the services did not start: ${created.left.kind}`);
  const services = created.right;
  const seeded = await seedIfEmpty(services);
  if (E.isLeft(seeded)) throw new Error(`the seed failed: ${JSON.stringify(seeded.left)}`);
  const app = Fastify();
  await registerSecurity(app, { sessionSecret: 'a test secret of at least thirty-two characters', secureCookie: false });
  const authenticator = createSimulatedAuthenticator(services);
  registerTestSignIn(app, services);
  await app.register(apiRoutes, { prefix: '/api', services, authenticator });
  await app.ready();
  return {
    app,
    services,
    clock,
    authenticator,
    close: async () => {
      await app.close();
      await services.close();
    },
  };
};

export type JsonRequest = Readonly<{
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  cookie?: string;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}>;

/** A request as the portal's own front end sends it: JSON, from its own origin. */
export const api = (portal: ApiPortal, request: JsonRequest): Promise<LightMyRequestResponse> =>
  portal.app.inject({
    method: request.method,
    url: request.url,
    headers: {
      ...(request.cookie === undefined ? {} : { cookie: request.cookie }),
      ...(request.body === undefined ? {} : { 'content-type': 'application/json', origin: 'http://localhost:80' }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { payload: typeof request.body === 'string' ? request.body : JSON.stringify(request.body) }),
  });

const TestSignIn = t.union([
  t.type({ as: t.literal('admin'), adminId: t.string, accountId: t.string }),
  t.type({ as: t.literal('user'), userId: t.string, username: t.string, applicationId: t.string, accountId: t.string }),
]);

/**
 * The API's specs sign in through a route of their own, so that they test the API and not the
 * sign-in pages (tested with the pages): it puts in the session what the pages' sign-ins put
 * there, an `AdminSignIn`, or a `PortalSignIn` after starting the portal session through the
 * command handler as the prompt does.
 */
const registerTestSignIn = (app: FastifyInstance, services: PortalServices): void => {
  app.post('/api-spec/sign-in', async (request, reply) => {
    const decoded = TestSignIn.decode(request.body);
    if (decoded._tag === 'Left') return reply.code(400).send({ error: 'bad sign-in' });
    const signIn = decoded.right;
    if (signIn.as === 'admin') {
      request.session.admin = { adminId: signIn.adminId, accountId: signIn.accountId };
      return reply.send({});
    }
    const sessionId = services.newId();
    const started = await services.execute({
      type: 'StartPortalSession',
      actor: { kind: 'user', userId: signIn.userId },
      data: { sessionId, userId: signIn.userId, applicationId: signIn.applicationId },
    });
    if (!started.ok) return reply.code(403).send(started.error);
    request.session.portal = { userId: signIn.userId, username: signIn.username, sessionId, applicationId: signIn.applicationId, accountId: signIn.accountId };
    return reply.send({ sessionId });
  });
};

const signIn = async (app: FastifyInstance, body: t.TypeOf<typeof TestSignIn>): Promise<Readonly<{ cookie: string; response: LightMyRequestResponse }>> => {
  const response = await app.inject({ method: 'POST', url: '/api-spec/sign-in', payload: body });
  const cookie = sessionCookieOf(response);
  if (response.statusCode !== 200 || cookie === undefined) throw new Error(`sign-in answered ${response.statusCode}: ${response.body}`);
  return { cookie, response };
};

/** The session cookie of an administrator of Acme (Maria, the owner, unless told). */
export const signedInAdmin = async (portal: ApiPortal, adminId: string = seedIds.maria, accountId: string = seedIds.acme): Promise<string> =>
  (await signIn(portal.app, { as: 'admin', adminId, accountId })).cookie;

export type SignedInUser = Readonly<{ cookie: string; sessionId: string; userId: string }>;

/** A user past primary authentication in an application's prompt (the Intranet unless told), with their portal session. */
export const signedInUser = async (portal: ApiPortal, username: string, userId: string, applicationId: string = seedIds.intranet): Promise<SignedInUser> => {
  const { cookie, response } = await signIn(portal.app, { as: 'user', userId, username, applicationId, accountId: seedIds.acme });
  const sessionId: unknown = response.json<{ sessionId?: unknown }>().sessionId;
  if (typeof sessionId !== 'string') throw new Error(`${username} has no portal session`);
  return { cookie, sessionId, userId };
};

/** Lee, signed in and stepped up with an SMS on their phone. */
export const steppedUpLee = async (portal: ApiPortal): Promise<SignedInUser> => {
  const lee = await signedInUser(portal, 'lee', seedIds.lee);
  const stepped = await stepUpDirectly(portal.services, { userId: lee.userId, sessionId: lee.sessionId, deviceId: seedIds.leePhone, method: 'SMS' });
  if (!stepped.ok) throw new Error(`lee's step-up was refused: ${stepped.error.code}`);
  return lee;
};

/** The ETag of a user's devices as GET answers it. */
export const etagOfDevices = async (portal: ApiPortal, cookie: string, url = '/api/me/devices'): Promise<string> => {
  const response = await api(portal, { method: 'GET', url, cookie });
  const etag = response.headers.etag;
  if (response.statusCode !== 200 || typeof etag !== 'string') throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
  return etag;
};

/**
 * Runs a request and answers its response and how many events it appended: a refused request
 * must append nothing.
 */
export const appendedBy = async (portal: ApiPortal, request: () => Promise<LightMyRequestResponse>): Promise<Readonly<{ response: LightMyRequestResponse; appended: number }>> => {
  const before = await eventCount(portal.services);
  const response = await request();
  return { response, appended: (await eventCount(portal.services)) - before };
};

export { seedIds };
