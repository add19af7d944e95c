import * as E from 'fp-ts/Either';
import type { Actor, RecordedActor } from '../shared/actor';
import type { Edition, Role } from '../shared/enums';
import { domainError, type DomainError } from '../shared/errors';
import type { AccountState } from './state';

export type OpenedAccount = Extract<AccountState, { status: 'OPEN' }>;

/** Who may do what, as the spec's roles say. One table, so that a review reads it at a glance. */
export const permittedRoles = {
  changeEdition: ['OWNER'],
  changeAdministratorRole: ['OWNER'],
  addAdministrator: ['OWNER', 'ADMINISTRATOR'],
  removeAdministrator: ['OWNER', 'ADMINISTRATOR'],
  toggleNewEnrollment: ['OWNER', 'ADMINISTRATOR'],
  registerUser: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER'],
  registerApplication: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
  toggleSelfService: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
  manageUserDevices: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permittedRoles;

export type AuthorisedAdmin = Readonly<{ adminId: string; role: Role; account: OpenedAccount }>;

/** An authorised administrator as history records them: with the role they hold now. */
export const recordedAdmin = ({ adminId, role }: AuthorisedAdmin): RecordedActor => ({ kind: 'admin', adminId, role });

/**
 * The administrator's role is the one the account's history records, never one the caller
 * claims. An administrator of another account is a stranger: the account is "not found" to
 * them, so that nothing about it leaks.
 */
export const authoriseAdmin = (
  actor: Actor,
  account: AccountState,
  permission: Permission,
): E.Either<DomainError, AuthorisedAdmin> => {
  if (actor.kind !== 'admin') return E.left(domainError('FORBIDDEN', `a ${actor.kind} may never ${describe(permission)}`));
  if (account.status !== 'OPEN') return E.left(domainError('NOT_FOUND', 'account not found'));
  const role = account.administrators[actor.adminId];
  if (role === undefined) return E.left(domainError('NOT_FOUND', 'account not found'));
  const allowed: readonly Role[] = permittedRoles[permission];
  return allowed.includes(role)
    ? E.right({ adminId: actor.adminId, role, account })
    : E.left(domainError('ROLE_NOT_PERMITTED', `role ${role} may not ${describe(permission)}; it takes ${allowed.join(', ')}`));
};

const describe = (permission: Permission): string =>
  ({
    changeEdition: 'change the edition',
    changeAdministratorRole: "change an administrator's role",
    addAdministrator: 'add administrators',
    removeAdministrator: 'remove administrators',
    toggleNewEnrollment: 'turn new enrollment on or off',
    registerUser: 'register users',
    registerApplication: 'register applications',
    toggleSelfService: 'turn self-service on or off',
    manageUserDevices: "manage a user's devices",
  })[permission];

/** The self-service portal is part of Enterprise, Platform and Beyond; never of Personal. */
export const editionIncludesSelfService = (edition: Edition): boolean => edition !== 'PERSONAL';

export type Ineligibility = 'EDITION' | 'NEW_ENROLLMENT';

/** Why the account cannot have self-service right now, or nothing when it can. */
export const selfServiceIneligibility = (account: AccountState): Ineligibility | undefined => {
  if (account.status !== 'OPEN') return 'EDITION';
  if (!editionIncludesSelfService(account.edition)) return 'EDITION';
  if (!account.newEnrollmentEnabled) return 'NEW_ENROLLMENT';
  return undefined;
};

export const ineligibilityError = (reason: Ineligibility): DomainError =>
  reason === 'EDITION'
    ? domainError('EDITION_NOT_ELIGIBLE', "the account's edition does not include the self-service portal (it takes ENTERPRISE, PLATFORM or BEYOND)")
    : domainError('NEW_ENROLLMENT_DISABLED', 'the account has new enrollment turned off');
