/** What each command of the seed's story must produce, in order: `ok`, or the refusal's code. */
export const seedStoryOutcomes: readonly string[] = [
  'ok', 'ok', 'ok', 'ok', 'ok', 'ok',
  'ROLE_NOT_PERMITTED', // help desk enabling self-service
  'ok',
  'APPLICATION_TYPE_UNSUPPORTED', // Unix SSH
  'ok', 'ok', 'ok',
  'EDITION_NOT_ELIGIBLE', // Personal edition
  'ok', 'ok', 'ok',
  'ok', // first device on primary authentication alone
  'ok', 'ok',
  'FORBIDDEN', // a user completing their own step-up
  'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',
  'FORBIDDEN', // a user adding a token
  'ok', 'ok', 'ok', 'ok',
  'SESSION_MISMATCH', // someone else's device
  'DUPLICATE', // someone else's number
  'LAST_DEVICE',
  'ok', 'ok',
  'STEP_UP_REQUIRED', // begun but not completed
  'STEP_UP_EXPIRED', // stale step-up
  'ok', 'ok',
  'SELF_SERVICE_NOT_ENABLED', // suspended after the downgrade
  'ok', 'ok',
];

