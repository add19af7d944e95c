import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import type { FastifyInstance } from 'fastify';

export type SecurityOptions = Readonly<{
  /** Signs the session cookie: at least 32 characters. */
  sessionSecret: string;
  /** Send the cookie over HTTPS only: on behind TLS, off on 127.0.0.1. */
  secureCookie: boolean;
}>;

/**
 * The request-level protections every page and the API share: form bodies, a signed session
 * cookie (httpOnly, SameSite=Lax), CSRF tokens bound to the session, helmet's headers (a CSP
 * that allows scripts and styles from this origin only, and images from `data:` for the QR
 * code), and the rate limiter, which the sign-in and step-up routes opt into.
 *
 * Sessions live in @fastify/session's memory store: enough for one process of an example,
 * and lost on restart. A deployment with several processes gives it a shared store.
 */
export const registerSecurity = async (app: FastifyInstance, options: SecurityOptions): Promise<void> => {
  await app.register(formbody);
  await app.register(cookie);
  await app.register(session, {
    secret: options.sessionSecret,
    cookieName: 'portal.sid',
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, path: '/', maxAge: 60 * 60 * 1000 },
  });
  await app.register(csrfProtection, { sessionPlugin: '@fastify/session' });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // The example serves plain HTTP on 127.0.0.1: asking browsers to upgrade would break it.
        upgradeInsecureRequests: null,
      },
    },
    // Strict-Transport-Security only where the app is served over TLS: on plain HTTP it means nothing.
    hsts: options.secureCookie,
  });
  await app.register(rateLimit, { global: false });
};
