import { apiErrorCodes } from '../status-table';
import { problemMediaType } from '../problem';

/**
 * JSON Schemas shared by the routes, registered once with `addSchema` and referenced as
 * `{ $ref: 'Problem#' }`; @fastify/swagger turns each into a component of the OpenAPI
 * document. Enumerations are read from the domain's codecs, so the schemas list exactly the
 * values the command handler accepts.
 */
export const uuid = { type: 'string', format: 'uuid' } as const;

/** The values of a domain enumeration codec (`t.keyof`), as a JSON Schema `enum`. */
export const enumOf = (codec: Readonly<{ keys: Readonly<Record<string, unknown>> }>) =>
  ({ type: 'string', enum: Object.keys(codec.keys) }) as const;

export const problemSchema = {
  $id: 'Problem',
  description: 'An RFC 9457 problem. `code` is the contract\'s error code; `field` and `invalidParams` name the offending fields of malformed input.',
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'urn:ssp:error:<code>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', enum: [...apiErrorCodes] },
    instance: { type: 'string' },
    field: { type: 'string', description: 'the first offending field: a body or path field, or a header (if-match, idempotency-key)' },
    invalidParams: {
      type: 'array',
      items: { type: 'object', required: ['name', 'reason'], properties: { name: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
} as const;

const problem = { content: { [problemMediaType]: { schema: { $ref: 'Problem#' } } } } as const;

/**
 * The problem responses a route may answer, by status. Every route can meet 401, 500 and 503;
 * the others are listed by the route.
 */
export const problems = (...statuses: readonly number[]): Readonly<Record<string, typeof problem & { description: string }>> =>
  Object.fromEntries(
    [...new Set([...statuses, 401, 500, 503])].map((status) => [String(status), { description: `a problem (${status})`, ...problem }]),
  );

/** The headers of a change: the key that makes a retry safe, and, for devices, the ETag it was decided on. */
export const idempotencyKeyHeader = {
  'idempotency-key': {
    ...uuid,
    description: 'The command id: send the same request again with the same key and nothing happens twice. Chosen by the server when absent.',
  },
} as const;

export const ifMatchHeader = {
  'if-match': { type: 'string', description: 'The ETag of the user\'s devices, as GET answered it, or *. Required: 428 without it, 412 when it is not current.' },
} as const;

export const changeHeaders = { type: 'object', properties: { ...idempotencyKeyHeader } } as const;
export const deviceChangeHeaders = { type: 'object', properties: { ...idempotencyKeyHeader, ...ifMatchHeader } } as const;

/** What a change answers: the events it appended, for clients that follow history. */
export const changeResultSchema = {
  $id: 'ChangeResult',
  type: 'object',
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      description: 'The events the command appended; empty when it changed nothing (or was a retry of an accepted request)',
      items: {
        type: 'object',
        required: ['streamName', 'revision', 'type', 'data'],
        properties: {
          streamName: { type: 'string' },
          revision: { type: 'integer' },
          type: { type: 'string' },
          data: { type: 'object', additionalProperties: true },
        },
      },
    },
    deviceId: { ...uuid, description: 'the device an enrollment or activation concerns' },
    tokenId: { ...uuid, description: 'the hardware token assigned' },
    activationId: { ...uuid, description: 'the activation code issued: what the QR code holds' },
    expiresAt: { type: 'string', format: 'date-time', description: 'when the activation code expires' },
    activationCode: { type: 'string', description: 'the short code the simulated phone scans (when the app has the simulated authenticator)' },
  },
} as const;

export const emptyBody = { type: 'object', additionalProperties: false, description: 'send {}' } as const;
