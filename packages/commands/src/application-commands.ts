import * as E from 'fp-ts/Either';
import { decideApplication, initialAccountState, streams, type ApplicationCommand } from '@ssp/domain';
import { appendDecided, attemptResultOf } from './appender';
import { accepted, idempotencyKeyReused, refused, type AttemptInputs, type AttemptResult } from './attempt';
import { load, loadIfNamed } from './loaders';

/** Application commands also read the application's account: the administrator's role, the edition, enrollment. */
export const attemptApplicationCommand = async (inputs: AttemptInputs, command: ApplicationCommand): Promise<AttemptResult> => {
  const { loaders } = inputs;
  const loaded = await load(loaders.application, streams.application(command.data.applicationId));
  if (E.isLeft(loaded)) return refused(loaded.left);
  const application = loaded.right;
  const repeat = application.commandIds.repeatOf(command.commandId, inputs.commandDigest);
  if (repeat === 'SAME') return accepted([]);
  const { state } = application;
  const accountId = command.type === 'RegisterApplication' ? command.data.accountId : state.status === 'REGISTERED' ? state.accountId : undefined;
  const account = await loadIfNamed(loaders.account, accountId === undefined ? undefined : streams.account(accountId));
  if (E.isLeft(account)) return refused(account.left);
  const decision = decideApplication(command, state, { account: account.right?.state ?? initialAccountState });
  if (E.isLeft(decision)) return refused(decision.left);
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  const { events, actor } = decision.right;
  if (events.length === 0) return accepted([]);
  return attemptResultOf(await appendDecided(inputs, command, actor, loaders.application, application, events));
};
