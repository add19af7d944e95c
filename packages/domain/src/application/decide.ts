import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { authoriseAdmin, ineligibilityError, recordedAdmin, selfServiceIneligibility, type OpenedAccount } from '../account/permissions';
import type { AccountState } from '../account/state';
import { decidedBy, type Decision } from '../shared/decider';
import { domainError, type DomainError } from '../shared/errors';
import type { ApplicationCommand } from './commands';
import type { ApplicationEvent } from './events';
import { typeSupportsSelfService } from './self-service';
import type { ApplicationState } from './state';

/** The application's own account, as its history stands now. */
export type ApplicationContext = Readonly<{ account: AccountState }>;

type Events = E.Either<DomainError, readonly ApplicationEvent[]>;
type Toggle = Extract<ApplicationCommand, { type: 'EnableSelfService' | 'DisableSelfService' }>;

const notFound = (): DomainError => domainError('NOT_FOUND', 'application not found');

const register = (command: Extract<ApplicationCommand, { type: 'RegisterApplication' }>, state: ApplicationState, own: OpenedAccount): Events => {
  if (own.accountId !== command.data.accountId) return E.left(domainError('NOT_FOUND', 'account not found'));
  if (state.status !== 'NONE') return E.left(domainError('DUPLICATE', `application ${command.data.applicationId} already exists`));
  return E.right([{ type: 'ApplicationRegistered', data: command.data }]);
};

const toggleSelfService = (command: Toggle, state: ApplicationState, own: OpenedAccount): Events => {
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
};

export const decideApplication = (
  command: ApplicationCommand,
  state: ApplicationState,
  context: ApplicationContext,
): E.Either<DomainError, Decision<ApplicationEvent>> => {
  if (command.type !== 'RegisterApplication' && state.status === 'NONE' && command.actor.kind === 'admin') return E.left(notFound());
  const permission = command.type === 'RegisterApplication' ? 'registerApplication' : 'toggleSelfService';
  return pipe(
    authoriseAdmin(command.actor, context.account, permission),
    E.chain((admin) => {
      const events = command.type === 'RegisterApplication' ? register(command, state, admin.account) : toggleSelfService(command, state, admin.account);
      return E.map(decidedBy<ApplicationEvent>(recordedAdmin(admin)))(events);
    }),
  );
};
