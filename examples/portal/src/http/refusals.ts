import type { CommandError, CommandErrorCode } from '@ssp/commands';
import { statusTable } from '../api/status-table';

/**
 * How a refused command reads on a page: the reason in words, before the domain's own
 * message. One entry per code, so that the compiler points here when a code is added.
 */
export const refusals: Readonly<Record<CommandErrorCode, Readonly<{ reason: string }>>> = {
  INVALID_COMMAND: { reason: 'Some of what was entered is not valid' },
  NOT_FOUND: { reason: 'It was not found' },
  FORBIDDEN: { reason: 'This is not something you may do' },
  ROLE_NOT_PERMITTED: { reason: 'Your administrator role does not allow this' },
  SESSION_MISMATCH: { reason: 'This belongs to another user or account' },
  STEP_UP_REQUIRED: { reason: 'Verify your identity with a second factor first' },
  STEP_UP_EXPIRED: { reason: 'Your verification has expired: verify again' },
  EDITION_NOT_ELIGIBLE: { reason: "The account's edition does not include the self-service portal" },
  SELF_SERVICE_NOT_ENABLED: { reason: 'Self-service is not in effect for this application' },
  NEW_ENROLLMENT_DISABLED: { reason: 'New enrollment is turned off for this account' },
  APPLICATION_TYPE_UNSUPPORTED: { reason: "This application's type has no web prompt to host the portal" },
  DEVICE_NOT_CAPABLE: { reason: 'The device cannot do this' },
  ACTIVATION_INVALID: { reason: 'The activation code is not valid (unknown, used or expired)' },
  LAST_DEVICE: { reason: 'You cannot remove your last device' },
  LAST_OWNER: { reason: 'The account must keep an owner' },
  DEVICE_LIMIT_REACHED: { reason: 'The limit of phones has been reached' },
  DUPLICATE: { reason: 'That already exists' },
  CONCURRENCY_CONFLICT: { reason: 'Someone else changed this at the same moment: try again' },
  IDEMPOTENCY_KEY_REUSED: { reason: 'This request was already used for something else' },
  STORE_UNAVAILABLE: { reason: 'The event store cannot be reached: try again shortly' },
  STORE_FAILURE: { reason: 'The event store failed: an operator must look' },
};

/** What a page shows for a refusal: the reason in words, the rule's own message, and its code. */
export type RefusalView = Readonly<{ code: CommandErrorCode; reason: string; detail: string }>;

/** The status a page answers a refusal with: the one table the JSON API answers with too. */
export const refusalStatus = (code: CommandErrorCode): number => statusTable[code].status;

export const refusalView = (error: CommandError): RefusalView => ({ code: error.code, reason: refusals[error.code].reason, detail: error.message });

/** The step-up codes: the page asks for a new step-up and returns to the action. */
export const asksForStepUp = (error: CommandError): boolean => error.code === 'STEP_UP_REQUIRED' || error.code === 'STEP_UP_EXPIRED';
