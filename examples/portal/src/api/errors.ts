import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemOf, sendProblem, type InvalidParam, type Problem } from './problem';

type ValidationEntry = NonNullable<FastifyError['validation']>[number];

/** Where the failing value sits, as the client wrote it: a body or path field, or a header. */
const fieldOf = (entry: ValidationEntry, context: string | undefined): string => {
  const missing = entry.params.missingProperty;
  const extra = entry.params.additionalProperty;
  const path = entry.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const leaf = typeof missing === 'string' ? missing : typeof extra === 'string' ? extra : '';
  const field = [path, leaf].filter((part) => part !== '').join('.');
  if (field !== '') return field;
  return context === 'body' ? 'body' : (context ?? 'request');
};

const validationProblem = (error: FastifyError): Problem => {
  const entries = error.validation ?? [];
  const invalidParams: InvalidParam[] = entries.map((entry) => ({
    name: fieldOf(entry, error.validationContext),
    reason: typeof entry.params.missingProperty === 'string' ? 'is required' : (entry.message ?? 'is invalid'),
  }));
  const detail = invalidParams.map(({ name, reason }) => `${name} ${reason}`).join('; ');
  return problemOf('INVALID_COMMAND', detail === '' ? error.message : detail, { invalidParams });
};

/**
 * What Fastify and its plugins raise before a route runs, as problems: a body that breaks the
 * route's schema or is not JSON at all is INVALID_COMMAND naming the field (as the command
 * handler would answer it); a body of another media type, 415; the rate limiter, 429; anything
 * else is a fault of ours, logged and answered without its details.
 */
export const problemOfError = (error: FastifyError): Problem => {
  if (error.validation !== undefined) return validationProblem(error);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('INVALID_COMMAND', `the body is not valid JSON: ${error.message}`, { invalidParams: [{ name: 'body', reason: 'is not valid JSON' }] });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf('UNSUPPORTED_MEDIA_TYPE', 'send application/json');
    default:
      break;
  }
  if (error instanceof SyntaxError) return problemOf('INVALID_COMMAND', `the body is not valid JSON: ${error.message}`, { invalidParams: [{ name: 'body', reason: 'is not valid JSON' }] });
  if (error.statusCode === 429) return problemOf('TOO_MANY_REQUESTS', 'too many requests: wait a minute before trying again');
  if (error.statusCode === 413) return problemOf('INVALID_COMMAND', 'the body is too large', { invalidParams: [{ name: 'body', reason: 'is too large' }] });
  return problemOf('INTERNAL_ERROR', 'the server failed to answer; the error is logged');
};

export const apiErrorHandler = async (error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
  const problem = problemOfError(error);
  if (problem.status >= 500) request.log.error(error);
  return sendProblem(reply, { ...problem, instance: request.url });
};

export const apiNotFoundHandler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
  sendProblem(reply, problemOf('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.slice(0, 100)}; see /api/openapi.json`, { instance: request.url }));
