import type { CommandErrorCode } from '@ssp/commands';

/**
 * Codes the API answers on its own, before a command reaches the handler: they concern the
 * HTTP exchange (who is calling, how, and against which version of the devices), not a rule.
 */
export type ApiOnlyCode =
  | 'NOT_AUTHENTICATED'
  | 'CROSS_SITE_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PRECONDITION_FAILED'
  | 'PRECONDITION_REQUIRED'
  | 'ROUTE_NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_ERROR';

export type ApiErrorCode = CommandErrorCode | ApiOnlyCode;

export type StatusEntry = Readonly<{ status: number; title: string; why: string }>;

/**
 * The one table from an error code to an HTTP status. A `Record` over every code, so adding a
 * code to the contract breaks the build here until it has a status. `docs/portal.md` shows it
 * as the Markdown that `statusTableMarkdown()` prints.
 *
 * The families: 400 the input is malformed; 401 nobody is signed in; 403 the actor may not do
 * this (now); 404 nothing of that id for this actor; 409 the state conflicts with the request
 * (a duplicate, or a stream that kept changing); 412/428 the devices' ETag; 415 not JSON;
 * 422 the input is well formed but a rule of the domain refuses it; 503 the store cannot be
 * reached (retry later); 500 the store refused in a way an operator must look at.
 */
export const statusTable: Readonly<Record<ApiErrorCode, StatusEntry>> = {
  INVALID_COMMAND: { status: 400, title: 'The request is malformed', why: 'a field is missing, of the wrong type, unknown, or not valid (the problem names it); also malformed JSON' },
  NOT_AUTHENTICATED: { status: 401, title: 'Not signed in', why: 'no session cookie, or one that is tampered with, expired or of a session that ended' },
  FORBIDDEN: { status: 403, title: 'Not allowed for this kind of actor', why: 'e.g. a user assigning a hardware token, an administrator renaming a user\'s phone' },
  ROLE_NOT_PERMITTED: { status: 403, title: 'Not allowed for this role', why: 'the administrator\'s recorded role does not permit the command' },
  SESSION_MISMATCH: { status: 403, title: 'Not this session\'s user', why: 'the portal session belongs to another user, account or application' },
  STEP_UP_REQUIRED: { status: 403, title: 'Two-factor step-up required', why: 'complete a step-up in this portal session, then send the same request again' },
  STEP_UP_EXPIRED: { status: 403, title: 'Step-up or session expired', why: 'the step-up is older than 5 minutes or the portal session has ended: step up again' },
  CROSS_SITE_REQUEST: { status: 403, title: 'Cross-site request refused', why: 'a write whose Origin is not the portal\'s own (CSRF protection)' },
  NOT_FOUND: { status: 404, title: 'Not found', why: 'no such user, device, application or session for this actor (a stranger learns nothing)' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route', why: 'the method and path are not part of the API (see /api/openapi.json)' },
  DUPLICATE: { status: 409, title: 'Already exists', why: 'a device name, phone number, token or id already taken' },
  CONCURRENCY_CONFLICT: { status: 409, title: 'Concurrent change', why: 'the stream kept changing while the command was decided: safe to send again with the same Idempotency-Key' },
  PRECONDITION_FAILED: { status: 412, title: 'The devices changed', why: 'If-Match does not name the current ETag of the user\'s devices: read them again' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'JSON required', why: 'a write whose body is not application/json' },
  EDITION_NOT_ELIGIBLE: { status: 422, title: 'Edition not eligible', why: 'the account\'s edition does not include self-service' },
  NEW_ENROLLMENT_DISABLED: { status: 422, title: 'New enrollment disabled', why: 'the account has new enrollment turned off' },
  APPLICATION_TYPE_UNSUPPORTED: { status: 422, title: 'Application type unsupported', why: 'the application\'s type has no inline web prompt' },
  SELF_SERVICE_NOT_ENABLED: { status: 422, title: 'Self-service not in effect', why: 'off for the application, or suspended by the edition or new enrollment' },
  DEVICE_NOT_CAPABLE: { status: 422, title: 'Device cannot do that', why: 'e.g. push on a phone without Duo Mobile, a hardware token renamed' },
  ACTIVATION_INVALID: { status: 422, title: 'Activation invalid', why: 'unknown, used, expired, or of another device' },
  LAST_DEVICE: { status: 422, title: 'Last device', why: 'a user may not remove their last device' },
  LAST_OWNER: { status: 422, title: 'Last owner', why: 'an account keeps at least one owner' },
  DEVICE_LIMIT_REACHED: { status: 422, title: 'Device limit reached', why: 'at most 10 phones per user (policy)' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency key reused', why: 'another request was already made under this Idempotency-Key (as the IETF Idempotency-Key draft answers)' },
  PRECONDITION_REQUIRED: { status: 428, title: 'If-Match required', why: 'a change to a user\'s devices must name the ETag it was decided on' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests', why: 'the app\'s rate limit' },
  INTERNAL_ERROR: { status: 500, title: 'Internal error', why: 'a fault of the server itself: it is logged' },
  STORE_FAILURE: { status: 500, title: 'Store failure', why: 'the store refused in a way waiting will not cure: an operator must look' },
  STORE_UNAVAILABLE: { status: 503, title: 'Store unavailable', why: 'the store could not be reached: retry later with the same Idempotency-Key' },
};

export const apiErrorCodes = Object.keys(statusTable) as readonly ApiErrorCode[];

export const statusOf = (code: ApiErrorCode): number => statusTable[code].status;

/** The table as Markdown, ordered by status, for docs/portal.md. */
export const statusTableMarkdown = (): string => {
  const rows = apiErrorCodes
    .map((code) => ({ code, ...statusTable[code] }))
    .sort((a, b) => a.status - b.status || a.code.localeCompare(b.code))
    .map(({ code, status, title, why }) => `| ${status} | \`${code}\` | ${title} | ${why} |`);
  return ['| status | code | title | when |', '|---|---|---|---|', ...rows].join('\n');
};
