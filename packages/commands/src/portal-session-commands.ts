import * as E from 'fp-ts/Either';
import {
  decidePortalSession,
  initialAccountState,
  initialApplicationState,
  initialUserDevicesState,
  type PortalSessionCommand,
} from '@ssp/domain';
import { appendDecided } from './appender';
import { appendContext, idempotencyKeyReused, loadOrFail, recordActor, refused, succeeded, type Attempt, type Outcome } from './context';
import { streams } from './streams';

/**
 * Session commands read the session's user (which devices can answer a step-up), and the
 * application and account it runs through (whether self-service is in effect).
 */
export const handlePortalSessionCommand = async (attempt: Attempt, command: PortalSessionCommand): Promise<Outcome> => {
  const { loaders } = attempt;
  const loaded = await loadOrFail(loaders.session, streams.portalSession(command.data.sessionId));
  if (E.isLeft(loaded)) return loaded;
  const session = loaded.right;
  const repeat = session.commandIds.repeatOf(command.commandId, attempt.commandDigest);
  if (repeat === 'SAME') return succeeded([]);
  const started = session.state.status === 'NONE' ? undefined : session.state;
  const userId = command.type === 'StartPortalSession' ? command.data.userId : started?.userId;
  const applicationId = command.type === 'StartPortalSession' ? command.data.applicationId : started?.applicationId;

  const user = userId === undefined ? E.right(undefined) : await loadOrFail(loaders.user, streams.userDevices(userId));
  if (E.isLeft(user)) return user;
  const userState = user.right?.state ?? initialUserDevicesState;
  const application = applicationId === undefined ? E.right(undefined) : await loadOrFail(loaders.application, streams.application(applicationId));
  if (E.isLeft(application)) return application;
  const accountId = userState.status === 'REGISTERED' ? userState.accountId : undefined;
  const account = accountId === undefined ? E.right(undefined) : await loadOrFail(loaders.account, streams.account(accountId));
  if (E.isLeft(account)) return account;

  const decision = decidePortalSession(command, session.state, {
    now: attempt.now,
    policy: attempt.policy,
    user: userState,
    application: application.right?.state ?? initialApplicationState,
    account: account.right?.state ?? initialAccountState,
  });
  if (E.isLeft(decision)) return refused(decision.left);
  if (decision.right.length === 0) return repeat === 'REUSED' ? idempotencyKeyReused(command) : succeeded([]);
  const actor = recordActor(command.actor, initialAccountState);
  if (E.isLeft(actor)) return actor;
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  return appendDecided(appendContext(attempt, command, actor.right), loaders.session, session, decision.right);
};
