import * as E from 'fp-ts/Either';
import {
  decidePortalSession,
  initialAccountState,
  initialApplicationState,
  initialUserDevicesState,
  streams,
  type PortalSessionCommand,
} from '@ssp/domain';
import { appendDecided, attemptResultOf } from './appender';
import { accepted, idempotencyKeyReused, refused, type AttemptInputs, type AttemptResult } from './attempt';
import { load, loadIfNamed } from './loaders';

/**
 * Session commands read the session's user (which devices can answer a step-up), and the
 * application and account it runs through (whether self-service is in effect).
 */
export const attemptPortalSessionCommand = async (inputs: AttemptInputs, command: PortalSessionCommand): Promise<AttemptResult> => {
  const { loaders } = inputs;
  const loaded = await load(loaders.session, streams.portalSession(command.data.sessionId));
  if (E.isLeft(loaded)) return refused(loaded.left);
  const session = loaded.right;
  const repeat = session.commandIds.repeatOf(command.commandId, inputs.commandDigest);
  if (repeat === 'SAME') return accepted([]);
  const started = session.state.status === 'NONE' ? undefined : session.state;
  const userId = command.type === 'StartPortalSession' ? command.data.userId : started?.userId;
  const applicationId = command.type === 'StartPortalSession' ? command.data.applicationId : started?.applicationId;

  const user = await loadIfNamed(loaders.user, userId === undefined ? undefined : streams.userDevices(userId));
  if (E.isLeft(user)) return refused(user.left);
  const userState = user.right?.state ?? initialUserDevicesState;
  const application = await loadIfNamed(loaders.application, applicationId === undefined ? undefined : streams.application(applicationId));
  if (E.isLeft(application)) return refused(application.left);
  const account = await loadIfNamed(loaders.account, userState.status === 'REGISTERED' ? streams.account(userState.accountId) : undefined);
  if (E.isLeft(account)) return refused(account.left);

  const decision = decidePortalSession(command, session.state, {
    now: inputs.now,
    policy: inputs.policy,
    user: userState,
    application: application.right?.state ?? initialApplicationState,
    account: account.right?.state ?? initialAccountState,
  });
  if (E.isLeft(decision)) return refused(decision.left);
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  const { events, actor } = decision.right;
  if (events.length === 0) return accepted([]);
  return attemptResultOf(await appendDecided(inputs, command, actor, loaders.session, session, events));
};
