/** The error codes of the public contract, one per reason a command can be refused. */
export const errorCodes = [
  'INVALID_COMMAND',
  'NOT_FOUND',
  'FORBIDDEN',
  'ROLE_NOT_PERMITTED',
  'EDITION_NOT_ELIGIBLE',
  'NEW_ENROLLMENT_DISABLED',
  'APPLICATION_TYPE_UNSUPPORTED',
  'SELF_SERVICE_NOT_ENABLED',
  'STEP_UP_REQUIRED',
  'STEP_UP_EXPIRED',
  'SESSION_MISMATCH',
  'DEVICE_NOT_CAPABLE',
  'LAST_DEVICE',
  'DEVICE_LIMIT_REACHED',
  'DUPLICATE',
  'ACTIVATION_INVALID',
  'LAST_OWNER',
  'CONCURRENCY_CONFLICT',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type DomainError = Readonly<{ code: ErrorCode; message: string }>;

export const domainError = (code: ErrorCode, message: string): DomainError => ({ code, message });
