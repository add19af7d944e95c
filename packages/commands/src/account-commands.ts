import * as E from 'fp-ts/Either';
import { decideAccount, streams, type AccountCommand } from '@ssp/domain';
import { appendDecided, attemptResultOf } from './appender';
import { accepted, idempotencyKeyReused, refused, type AttemptInputs, type AttemptResult } from './attempt';
import { load } from './loaders';

/** Account commands decide on the account's own history: roles, edition and enrollment live there. */
export const attemptAccountCommand = async (inputs: AttemptInputs, command: AccountCommand): Promise<AttemptResult> => {
  const loaded = await load(inputs.loaders.account, streams.account(command.data.accountId));
  if (E.isLeft(loaded)) return refused(loaded.left);
  const account = loaded.right;
  const repeat = account.commandIds.repeatOf(command.commandId, inputs.commandDigest);
  if (repeat === 'SAME') return accepted([]);
  const decision = decideAccount(command, account.state);
  if (E.isLeft(decision)) return refused(decision.left);
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  const { events, actor } = decision.right;
  if (events.length === 0) return accepted([]);
  return attemptResultOf(await appendDecided(inputs, command, actor, inputs.loaders.account, account, events));
};
