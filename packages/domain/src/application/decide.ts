import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { authoriseAdmin, ineligibilityError, selfServiceIneligibility } from '../account/permissions';
import type { AccountState } from '../account/state';
import { domainError, type DomainError } from '../shared/errors';
import type { ApplicationCommand } from './commands';
import type { ApplicationEvent } from './events';
import { typeSupportsSelfService } from './self-service';
import type { ApplicationState } from './state';

/** The application's own account, as its history stands now. */
export type ApplicationContext = Readonly<{ account: AccountState }>;

type Decision = E.Either<DomainError, readonly ApplicationEvent[]>;

const notFound = (): DomainError => domainError('NOT_FOUND', 'application not found');

export const decideApplication = (command: ApplicationCommand, state: ApplicationState, context: ApplicationContext): Decision => {
  const { account } = context;
  switch (command.type) {
    case 'RegisterApplication':
      return pipe(
        authoriseAdmin(command.actor, account, 'registerApplication'),
        E.chain(({ account: own }) => {
          if (own.accountId !== command.data.accountId) return E.left(domainError('NOT_FOUND', 'account not found'));
          if (state.status !== 'NONE') return E.left(domainError('DUPLICATE', `application ${command.data.applicationId} already exists`));
          return E.right([{ type: 'ApplicationRegistered', data: command.data }]);
        }),
      );
    case 'EnableSelfService':
    case 'DisableSelfService': {
      if (state.status === 'NONE' && command.actor.kind === 'admin') return E.left(notFound());
      return pipe(
        authoriseAdmin(command.actor, account, 'toggleSelfService'),
        E.chain(({ account: own }): Decision => {
          // The application must belong to the administrator's own account.
          if (state.status !== 'REGISTERED' || state.accountId !== own.accountId) return E.left(notFound());
          const data = { accountId: state.accountId, applicationId: state.applicationId };
          if (command.type === 'DisableSelfService') {
            return E.right(state.selfServiceEnabled ? [{ type: 'SelfServiceDisabled', data }] : []);
          }
          if (!typeSupportsSelfService(state.applicationType)) {
            return E.left(
              domainError('APPLICATION_TYPE_UNSUPPORTED', `${state.applicationType} applications have no web-based prompt to host the self-service portal`),
            );
          }
          const ineligible = selfServiceIneligibility(own);
          if (ineligible !== undefined) return E.left(ineligibilityError(ineligible));
          return E.right(state.selfServiceEnabled ? [] : [{ type: 'SelfServiceEnabled', data }]);
        }),
      );
    }
  }
};
