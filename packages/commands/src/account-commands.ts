import * as E from 'fp-ts/Either';
import { decideAccount, type AccountCommand } from '@ssp/domain';
import { appendDecided } from './appender';
import { appendContext, idempotencyKeyReused, loadOrFail, recordActor, refused, succeeded, type Attempt, type Outcome } from './context';
import { streams } from './streams';

/** Account commands decide on the account's own history: roles, edition and enrollment live there. */
export const handleAccountCommand = async (attempt: Attempt, command: AccountCommand): Promise<Outcome> => {
  const loaded = await loadOrFail(attempt.loaders.account, streams.account(command.data.accountId));
  if (E.isLeft(loaded)) return loaded;
  const account = loaded.right;
  const repeat = account.commandIds.repeatOf(command.commandId, attempt.commandDigest);
  if (repeat === 'SAME') return succeeded([]);
  const decision = decideAccount(command, account.state);
  if (E.isLeft(decision)) return refused(decision.left);
  if (decision.right.length === 0) return repeat === 'REUSED' ? idempotencyKeyReused(command) : succeeded([]);
  const actor = recordActor(command.actor, account.state);
  if (E.isLeft(actor)) return actor;
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  return appendDecided(appendContext(attempt, command, actor.right), attempt.loaders.account, account, decision.right);
};
