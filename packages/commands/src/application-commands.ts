import * as E from 'fp-ts/Either';
import { decideApplication, initialAccountState, type ApplicationCommand } from '@ssp/domain';
import { appendDecided } from './appender';
import { appendContext, idempotencyKeyReused, loadOrFail, recordActor, refused, succeeded, type Attempt, type Outcome } from './context';
import { streams } from './streams';

/** Application commands also read the application's account: the administrator's role, the edition, enrollment. */
export const handleApplicationCommand = async (attempt: Attempt, command: ApplicationCommand): Promise<Outcome> => {
  const loaded = await loadOrFail(attempt.loaders.application, streams.application(command.data.applicationId));
  if (E.isLeft(loaded)) return loaded;
  const application = loaded.right;
  const repeat = application.commandIds.repeatOf(command.commandId, attempt.commandDigest);
  if (repeat === 'SAME') return succeeded([]);
  const accountId =
    command.type === 'RegisterApplication'
      ? command.data.accountId
      : application.state.status === 'REGISTERED'
        ? application.state.accountId
        : undefined;
  const account = accountId === undefined ? E.right(undefined) : await loadOrFail(attempt.loaders.account, streams.account(accountId));
  if (E.isLeft(account)) return account;
  const accountState = account.right?.state ?? initialAccountState;
  const decision = decideApplication(command, application.state, { account: accountState });
  if (E.isLeft(decision)) return refused(decision.left);
  if (decision.right.length === 0) return repeat === 'REUSED' ? idempotencyKeyReused(command) : succeeded([]);
  const actor = recordActor(command.actor, accountState);
  if (E.isLeft(actor)) return actor;
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  return appendDecided(appendContext(attempt, command, actor.right), attempt.loaders.application, application, decision.right);
};
