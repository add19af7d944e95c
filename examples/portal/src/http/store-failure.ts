import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoreError } from '@ssp/eventstore';

/** A read model that could not be read: 503 when the store is unreachable, 500 otherwise. */
export const storeFailurePage = (request: FastifyRequest, reply: FastifyReply, error: StoreError): FastifyReply => {
  const unavailable = error.kind === 'Unavailable';
  if (!unavailable) request.log.error({ storeError: error }, 'a read model could not be read');
  return reply
    .code(unavailable ? 503 : 500)
    .view('error', {
      title: unavailable ? 'The store cannot be reached' : 'The store failed',
      detail: unavailable ? 'Try again in a moment.' : 'An operator must look; the error was logged.',
      signedIn: {},
      csrfToken: '',
    });
};
