import type { FastifyReply, FastifyRequest } from 'fastify';
import { takeFlash } from './session-data';

/**
 * Renders a page of `views/` with what every page needs: a fresh CSRF token for its forms,
 * who is signed in (for the header), and the flash message left by the last redirect.
 * Templates escape every value by default (Eta's autoEscape); nothing here marks text as safe.
 */
export const renderPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  view: string,
  data: Readonly<Record<string, unknown>>,
  status = 200,
): FastifyReply =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .view(view, {
      ...data,
      csrfToken: reply.generateCsrf(),
      signedIn: { admin: request.session.admin, portal: request.session.portal },
      flash: takeFlash(request),
    });

/** After a change: redirect (303, so the browser GETs the next page) with a message for it. */
export const redirectWithFlash = (request: FastifyRequest, reply: FastifyReply, to: string, flash: Readonly<{ kind: 'success' | 'error'; text: string }>): FastifyReply => {
  request.session.flash = flash;
  return reply.redirect(to, 303);
};
