import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { statusTableMarkdown } from './status-table';

export const sessionCookieName = 'portal.sid';

/**
 * @fastify/swagger in dynamic mode: the document is generated from the schemas of the routes
 * as they are registered, so it cannot drift from them. Shared schemas keep their `$id` as
 * the component's name (`#/components/schemas/Problem`).
 */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Self-service portal API',
      version: '1.0.0',
      description: [
        'The commands and views of the portal\'s pages, as JSON. Authenticated by the portal\'s session cookie (sign in through the pages).',
        'Writes must send `content-type: application/json` and, from a browser, come from the portal\'s own origin (CSRF protection).',
        'Changes to a user\'s devices require `If-Match` with the ETag of the devices (428 without it, 412 when it is stale).',
        'Send `Idempotency-Key` (a UUID) to make a retry safe.',
        '',
        'Errors are RFC 9457 problem details with the contract\'s `code`:',
        '',
        statusTableMarkdown(),
      ].join('\n'),
    },
    tags: [
      { name: 'My Settings & Devices', description: "the signed-in user's devices, after a step-up" },
      { name: 'Authentication prompt', description: "the user's portal session and its second factor" },
      { name: 'Admin Panel', description: 'applications, users and their devices, the account' },
      { name: 'OpenAPI', description: 'this document' },
    ],
    components: { securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName } } },
    security: [{ sessionCookie: [] }],
  },
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `schema-${i}`),
  },
};

export const registerOpenApiRoute = (api: FastifyInstance): void => {
  api.get('/openapi.json', {
    schema: {
      tags: ['OpenAPI'],
      summary: 'This OpenAPI 3 document, generated from the routes\' schemas',
      security: [],
      response: { 200: { description: 'an OpenAPI 3.0 document', type: 'object', additionalProperties: true } },
    },
  }, async (_request, reply) => reply.header('cache-control', 'no-cache').send(api.swagger()));
};
