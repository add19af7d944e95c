import { applicationTypesWithPortal, type ApplicationType } from '../shared/enums';
import { selfServiceIneligibility, type Ineligibility } from '../account/permissions';
import type { AccountState } from '../account/state';
import type { ApplicationState } from './state';

/** Only types with an inline, web-based prompt can host the portal. */
export const typeSupportsSelfService = (type: ApplicationType): boolean =>
  (applicationTypesWithPortal as readonly string[]).includes(type);

/**
 * What users of the application get: `OFF` when the administrator has not enabled it,
 * `ENABLED` when it is in effect, `SUSPENDED` when it is enabled but the account has since
 * lost eligibility: the setting stays recorded, and comes back into effect with eligibility.
 */
export type SelfServiceStatus =
  | Readonly<{ status: 'OFF' }>
  | Readonly<{ status: 'ENABLED' }>
  | Readonly<{ status: 'SUSPENDED'; reason: Ineligibility }>;

export const selfServiceStatus = (application: ApplicationState, account: AccountState): SelfServiceStatus => {
  if (application.status !== 'REGISTERED' || !application.selfServiceEnabled) return { status: 'OFF' };
  const reason = selfServiceIneligibility(account);
  return reason === undefined ? { status: 'ENABLED' } : { status: 'SUSPENDED', reason };
};
