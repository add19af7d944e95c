import type { FastifyError, FastifyInstance } from 'fastify';

type ErrorPage = Readonly<{ status: number; title: string; detail: string }>;

/** The errors Fastify's plugins raise, as pages: a refused form says why, never a stack trace. */
const pageFor = (error: FastifyError): ErrorPage => {
  if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
    return { status: 403, title: 'The form was refused', detail: 'Its security token is missing or wrong (CSRF protection). Reload the page and send the form again.' };
  }
  if (error.statusCode === 429) return { status: 429, title: 'Too many attempts', detail: 'Wait a minute before trying again.' };
  if (error.statusCode === 415 || error.statusCode === 400) return { status: 400, title: 'The request was malformed', detail: error.message };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, title: 'The request was refused', detail: error.message };
  }
  return { status: 500, title: 'Something went wrong', detail: 'The error was logged.' };
};

export const registerErrorPages = (app: FastifyInstance): void => {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const page = pageFor(error);
    if (page.status >= 500) request.log.error(error);
    if (request.url.startsWith('/api/')) {
      return reply.code(page.status).type('application/problem+json').send({ type: 'about:blank', title: page.title, status: page.status, detail: page.detail });
    }
    return reply.code(page.status).view('error', { ...page, signedIn: {}, csrfToken: '' });
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).view('error', { status: 404, title: 'Page not found', detail: `Nothing is at ${request.url.slice(0, 80)}.`, signedIn: {}, csrfToken: '' }),
  );
};
