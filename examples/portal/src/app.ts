import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { apiRoutes } from './api';
import { createSimulatedAuthenticator } from './authenticator/simulated-authenticator';
import { registerAssets } from './plugins/assets';
import { registerErrorPages } from './plugins/errors';
import { registerSecurity } from './plugins/security';
import { registerViews } from './plugins/views';
import { registerPages, type RateLimit } from './routes';
import type { PortalServices } from './services';

export type BuildAppOptions = Readonly<{
  services: PortalServices;
  /** Signs the session cookie (32 characters or more). Default: random, so sessions end with the process. */
  sessionSecret?: string;
  /** Mark the session cookie Secure (HTTPS only). Default false: the example serves HTTP on 127.0.0.1. */
  secureCookie?: boolean;
  /** Attempts allowed per client on sign-in and step-up routes. Default 10 a minute. */
  rateLimit?: RateLimit;
  /** Fastify's logger. Default off. */
  logger?: boolean;
  /** Keep compiled templates. Default true. */
  cacheTemplates?: boolean;
}>;

/**
 * The portal as a Fastify app: the security plugins, the templates, the pages (one route
 * module per screen, under `routes/`) and the JSON API under `/api`. Every page reads the
 * read models of `services.queries` and changes things only through `services.execute`.
 */
export const buildApp = async (options: BuildAppOptions): Promise<FastifyInstance> => {
  const { services } = options;
  const app = Fastify({ logger: options.logger ?? false, trustProxy: false });
  await registerSecurity(app, {
    sessionSecret: options.sessionSecret ?? randomBytes(32).toString('hex'),
    secureCookie: options.secureCookie ?? false,
  });
  await registerViews(app, { cache: options.cacheTemplates ?? true });
  registerErrorPages(app);
  await registerAssets(app);
  const authenticator = createSimulatedAuthenticator(services);
  await registerPages(app, { services, authenticator, rateLimit: options.rateLimit ?? { max: 10, timeWindowMs: 60_000 } });
  await app.register(apiRoutes, { prefix: '/api', services, authenticator });
  return app;
};
