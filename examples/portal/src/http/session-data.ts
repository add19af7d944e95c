import type { FastifyRequest } from 'fastify';

/** An administrator signed in to the Admin Panel (the demo's sign-in: chosen from a list). */
export type AdminSignIn = Readonly<{ adminId: string; accountId: string }>;

/** A user past primary authentication in an application's prompt, with their portal session. */
export type PortalSignIn = Readonly<{ userId: string; username: string; sessionId: string; applicationId: string; accountId: string }>;

/** A message for the next page, after a redirect. */
export type Flash = Readonly<{ kind: 'success' | 'error'; text: string }>;

declare module 'fastify' {
  interface Session {
    admin?: AdminSignIn;
    portal?: PortalSignIn;
    flash?: Flash;
    /** Where a step-up returns to: the page of the action that asked for it. */
    returnTo?: string;
  }
}

/** Reads the flash message once, so that it shows on one page only. */
export const takeFlash = (request: FastifyRequest): Flash | undefined => {
  const flash = request.session.flash;
  if (flash !== undefined) request.session.flash = undefined;
  return flash;
};
