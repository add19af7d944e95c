import type { FastifyReply } from 'fastify';
import { statusTable, type ApiErrorCode } from './status-table';

/** One bad field of a request, as RFC 9457's example extension `invalid-params` names it. */
export type InvalidParam = Readonly<{ name: string; reason: string }>;

/**
 * An RFC 9457 problem: `type`, `title`, `status`, `detail`, plus `code`, the contract's error
 * code (or one of the API's own, see status-table.ts), and for malformed input the offending
 * field (`field`, the first one; `invalidParams`, each one with its reason).
 */
export type Problem = Readonly<{
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ApiErrorCode;
  instance?: string;
  field?: string;
  invalidParams?: readonly InvalidParam[];
}>;

export const problemMediaType = 'application/problem+json';

/** A URN per code: stable, and it says it names a kind of problem, not a page to fetch. */
export const problemTypeOf = (code: ApiErrorCode): string => `urn:ssp:error:${code}`;

export const problemOf = (
  code: ApiErrorCode,
  detail: string,
  extra: Readonly<{ instance?: string; invalidParams?: readonly InvalidParam[] }> = {},
): Problem => {
  const { status, title } = statusTable[code];
  const params = extra.invalidParams ?? [];
  const [first] = params;
  return {
    type: problemTypeOf(code),
    title,
    status,
    detail,
    code,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    ...(first === undefined ? {} : { field: first.name, invalidParams: params }),
  };
};

export const sendProblem = (reply: FastifyReply, problem: Problem): FastifyReply => {
  // A store that is down is worth asking again soon; say when (RFC 9110 §10.2.3).
  if (problem.code === 'STORE_UNAVAILABLE') void reply.header('retry-after', '5');
  return reply.code(problem.status).type(problemMediaType).send(problem);
};

/**
 * Where a request's fields land in the command: the body's and the path's fields become the
 * command's `data`, and the Idempotency-Key header (named in lower case, as HTTP/2 writes headers) its `commandId`. Paths outside these (the
 * actor, the type) are built by the server and are not the caller's to fix.
 */
const requestFieldOf = (commandPath: string): string | undefined => {
  if (commandPath.startsWith('data.')) return commandPath.slice('data.'.length);
  if (commandPath === 'commandId') return 'idempotency-key';
  return undefined;
};

/**
 * The fields an INVALID_COMMAND message names. The domain writes one sentence per bad field,
 * joined with "; ", each opening with the field's path (`data.phoneNumber is required for a
 * MOBILE`): that path is the contract, so reading it back is safe.
 */
export const invalidParamsOf = (message: string): readonly InvalidParam[] =>
  message.split('; ').flatMap((sentence) => {
    const space = sentence.indexOf(' ');
    if (space <= 0) return [];
    const name = requestFieldOf(sentence.slice(0, space));
    return name === undefined ? [] : [{ name, reason: sentence.slice(space + 1) }];
  });
