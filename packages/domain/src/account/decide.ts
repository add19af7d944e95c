import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { decidedBy, type Decision } from '../shared/decider';
import { domainError, type DomainError } from '../shared/errors';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';
import { authoriseAdmin, recordedAdmin, type AuthorisedAdmin, type OpenedAccount, type Permission } from './permissions';
import { ownerCount, type AccountState } from './state';

type Events = E.Either<DomainError, readonly AccountEvent[]>;
type AdminCommand = Exclude<AccountCommand, { type: 'OpenAccount' }>;
const none: Events = E.right([]);

const requireSameAccount = (account: OpenedAccount, accountId: string): E.Either<DomainError, OpenedAccount> =>
  account.accountId === accountId ? E.right(account) : E.left(domainError('NOT_FOUND', 'account not found'));

/** The permission each administrator's command needs. */
const permissionOf: Readonly<Record<AdminCommand['type'], Permission>> = {
  ChangeEdition: 'changeEdition',
  EnableNewEnrollment: 'toggleNewEnrollment',
  DisableNewEnrollment: 'toggleNewEnrollment',
  AddAdministrator: 'addAdministrator',
  ChangeAdministratorRole: 'changeAdministratorRole',
  RemoveAdministrator: 'removeAdministrator',
};

const openAccount = (command: Extract<AccountCommand, { type: 'OpenAccount' }>, state: AccountState): E.Either<DomainError, Decision<AccountEvent>> => {
  if (command.actor.kind !== 'system') return E.left(domainError('FORBIDDEN', 'only the system opens accounts'));
  if (state.status !== 'NONE') return E.left(domainError('DUPLICATE', `account ${command.data.accountId} already exists`));
  return E.right(decidedBy<AccountEvent>(command.actor)([{ type: 'AccountOpened', data: command.data }]));
};

/** The rule of an administrator's command, once the administrator is known to hold the permission. */
const decideAsAdmin = (command: AdminCommand, { account, role: actorRole }: AuthorisedAdmin): Events => {
  switch (command.type) {
    case 'ChangeEdition':
      return account.edition === command.data.edition
        ? none
        : E.right([{ type: 'EditionChanged', data: { accountId: account.accountId, edition: command.data.edition, previousEdition: account.edition } }]);
    case 'EnableNewEnrollment':
      return account.newEnrollmentEnabled ? none : E.right([{ type: 'NewEnrollmentEnabled', data: { accountId: account.accountId } }]);
    case 'DisableNewEnrollment':
      return account.newEnrollmentEnabled ? E.right([{ type: 'NewEnrollmentDisabled', data: { accountId: account.accountId } }]) : none;
    case 'AddAdministrator': {
      const { adminId } = command.data;
      if (command.data.role === 'OWNER' && actorRole !== 'OWNER') {
        return E.left(domainError('ROLE_NOT_PERMITTED', 'only an OWNER may create an OWNER'));
      }
      const existing = account.administrators[adminId];
      if (existing === command.data.role) return none;
      if (existing !== undefined) return E.left(domainError('DUPLICATE', `administrator ${adminId} already exists with role ${existing}`));
      return E.right([{ type: 'AdministratorAdded', data: command.data }]);
    }
    case 'ChangeAdministratorRole': {
      const { adminId, role } = command.data;
      const previousRole = account.administrators[adminId];
      if (previousRole === undefined) return E.left(domainError('NOT_FOUND', `administrator ${adminId} not found`));
      if (previousRole === role) return none;
      if (previousRole === 'OWNER' && ownerCount(account) === 1) {
        return E.left(domainError('LAST_OWNER', 'the account would be left without an OWNER; make another administrator OWNER first'));
      }
      return E.right([{ type: 'AdministratorRoleChanged', data: { accountId: account.accountId, adminId, role, previousRole } }]);
    }
    case 'RemoveAdministrator': {
      const { adminId } = command.data;
      const role = account.administrators[adminId];
      if (role === undefined) return none;
      // An ADMINISTRATOR cannot create an OWNER, so neither may one remove an OWNER (policy).
      if (role === 'OWNER' && actorRole !== 'OWNER') {
        return E.left(domainError('ROLE_NOT_PERMITTED', 'only an OWNER may remove an OWNER'));
      }
      if (role === 'OWNER' && ownerCount(account) === 1) {
        return E.left(domainError('LAST_OWNER', 'the account would be left without an OWNER'));
      }
      return E.right([{ type: 'AdministratorRemoved', data: { accountId: account.accountId, adminId, role } }]);
    }
  }
};

/** Account commands decide on the account's own history alone: roles, edition and enrollment all live in it. */
export const decideAccount = (command: AccountCommand, state: AccountState): E.Either<DomainError, Decision<AccountEvent>> => {
  if (command.type === 'OpenAccount') return openAccount(command, state);
  return pipe(
    authoriseAdmin(command.actor, state, permissionOf[command.type]),
    E.chainFirst(({ account }) => requireSameAccount(account, command.data.accountId)),
    E.chain((admin) => E.map(decidedBy<AccountEvent>(recordedAdmin(admin)))(decideAsAdmin(command, admin))),
  );
};
