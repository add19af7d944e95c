import * as E from 'fp-ts/Either';
import { decideAccount, type AccountCommand } from '@ssp/domain';
import { appendDecided } from './appender';
import { appendContext, loadOrFail, recordActor, refused, succeeded, type Attempt, type Outcome } from './context';
import { streams } from './streams';

/** Account commands decide on the account's own history: roles, edition and enrollment live there. */
export const handleAccountCommand = async (attempt: Attempt, command: AccountCommand): Promise<Outcome> => {
  const loaded = await loadOrFail(attempt.loaders.account, streams.account(command.data.accountId));
  if (E.isLeft(loaded)) return loaded;
  const account = loaded.right;
  if (account.commandIds.has(command.commandId)) return succeeded([]);
  const decision = decideAccount(command, account.state);
  if (E.isLeft(decision)) return refused(decision.left);
  if (decision.right.length === 0) return succeeded([]);
  const actor = recordActor(command.actor, account.state);
  if (E.isLeft(actor)) return actor;
  return appendDecided(appendContext(attempt, command, actor.right), attempt.loaders.account, account, decision.right);
};
