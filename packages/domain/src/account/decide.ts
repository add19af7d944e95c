import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { domainError, type DomainError } from '../shared/errors';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';
import { authoriseAdmin, type AuthorisedAdmin, type OpenedAccount } from './permissions';
import { ownerCount, type AccountState } from './state';

type Decision = E.Either<DomainError, readonly AccountEvent[]>;
const none: Decision = E.right([]);

const requireSameAccount = (account: OpenedAccount, accountId: string): E.Either<DomainError, OpenedAccount> =>
  account.accountId === accountId ? E.right(account) : E.left(domainError('NOT_FOUND', 'account not found'));

const asAdmin = (
  command: Exclude<AccountCommand, { type: 'OpenAccount' }>,
  state: AccountState,
  permission: Parameters<typeof authoriseAdmin>[2],
): E.Either<DomainError, AuthorisedAdmin> =>
  pipe(
    authoriseAdmin(command.actor, state, permission),
    E.chainFirst(({ account }) => requireSameAccount(account, command.data.accountId)),
  );

export const decideAccount = (command: AccountCommand, state: AccountState): Decision => {
  switch (command.type) {
    case 'OpenAccount': {
      if (command.actor.kind !== 'system') return E.left(domainError('FORBIDDEN', 'only the system opens accounts'));
      if (state.status !== 'NONE') return E.left(domainError('DUPLICATE', `account ${command.data.accountId} already exists`));
      return E.right([{ type: 'AccountOpened', data: command.data }]);
    }
    case 'ChangeEdition':
      return pipe(
        asAdmin(command, state, 'changeEdition'),
        E.chain(({ account }) =>
          account.edition === command.data.edition
            ? none
            : E.right([
                { type: 'EditionChanged', data: { accountId: account.accountId, edition: command.data.edition, previousEdition: account.edition } },
              ]),
        ),
      );
    case 'EnableNewEnrollment':
      return pipe(
        asAdmin(command, state, 'toggleNewEnrollment'),
        E.chain(({ account }) =>
          account.newEnrollmentEnabled ? none : E.right([{ type: 'NewEnrollmentEnabled', data: { accountId: account.accountId } }]),
        ),
      );
    case 'DisableNewEnrollment':
      return pipe(
        asAdmin(command, state, 'toggleNewEnrollment'),
        E.chain(({ account }) =>
          account.newEnrollmentEnabled ? E.right([{ type: 'NewEnrollmentDisabled', data: { accountId: account.accountId } }]) : none,
        ),
      );
    case 'AddAdministrator':
      return pipe(
        asAdmin(command, state, 'addAdministrator'),
        E.chain(({ account, role }) => {
          const { adminId } = command.data;
          if (command.data.role === 'OWNER' && role !== 'OWNER') {
            return E.left(domainError('ROLE_NOT_PERMITTED', 'only an OWNER may create an OWNER'));
          }
          const existing = account.administrators[adminId];
          if (existing === command.data.role) return none;
          if (existing !== undefined) return E.left(domainError('DUPLICATE', `administrator ${adminId} already exists with role ${existing}`));
          return E.right([{ type: 'AdministratorAdded', data: command.data }]);
        }),
      );
    case 'ChangeAdministratorRole':
      return pipe(
        asAdmin(command, state, 'changeAdministratorRole'),
        E.chain(({ account }) => {
          const { adminId, role } = command.data;
          const previousRole = account.administrators[adminId];
          if (previousRole === undefined) return E.left(domainError('NOT_FOUND', `administrator ${adminId} not found`));
          if (previousRole === role) return none;
          if (previousRole === 'OWNER' && ownerCount(account) === 1) {
            return E.left(domainError('LAST_OWNER', 'the account would be left without an OWNER; make another administrator OWNER first'));
          }
          return E.right([{ type: 'AdministratorRoleChanged', data: { accountId: account.accountId, adminId, role, previousRole } }]);
        }),
      );
    case 'RemoveAdministrator':
      return pipe(
        asAdmin(command, state, 'removeAdministrator'),
        E.chain(({ account, role: actorRole }) => {
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
        }),
      );
  }
};
