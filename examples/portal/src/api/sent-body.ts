import type { FastifyRequest } from 'fastify';

/**
 * The body as the client sent it, before schema validation. Fastify's validator (Ajv with
 * Fastify's defaults) coerces types and removes fields a schema forbids, in place: `{"name": 5}`
 * would reach the route as `"5"`, and an extra field would vanish unseen. The command handler's
 * codecs must judge what was sent, so that every extra field and wrong type is refused with
 * INVALID_COMMAND naming it: the route schemas document and pre-check, the domain decides.
 */
const sentBodies = new WeakMap<FastifyRequest, unknown>();

/** The preValidation hook that keeps a copy of the parsed body. */
export const rememberSentBody = async (request: FastifyRequest): Promise<void> => {
  if (request.body !== undefined) sentBodies.set(request, structuredClone(request.body));
};

/** The fields of the body as sent; `{}` for a request without one. */
export const sentFieldsOf = (request: FastifyRequest): Readonly<Record<string, unknown>> => {
  const body = sentBodies.get(request);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {};
};
