import * as E from 'fp-ts/Either';
import {
  decideUserDevices,
  findPhone,
  initialAccountState,
  initialApplicationState,
  initialPortalSessionState,
  type ClaimRequest,
  type DomainEvent,
  type UserDevicesCommand,
  type UserDevicesContext,
} from '@ssp/domain';
import { appendDecided } from './appender';
import { appendContext, idempotencyKeyReused, loadOrFail, recordActor, refused, succeeded, type Attempt, type Outcome } from './context';
import { appendClaim, checkClaim, releaseClaim, type ClaimCheck } from './phone-number-claims';
import { streams } from './streams';

const allowsFirstDevice = (command: UserDevicesCommand): boolean => command.type === 'EnrollDevice';

const releaseRequestOf = (events: readonly DomainEvent[]): ClaimRequest | undefined => {
  for (const event of events) {
    if (event.type === 'DeviceRemoved' && event.data.phoneNumber !== undefined) {
      const { accountId, phoneNumber, userId, deviceId } = event.data;
      return { accountId, phoneNumber, userId, deviceId };
    }
  }
  return undefined;
};

/**
 * A user's devices change through the portal (the session, its application and account are
 * read to judge the step-up and whether self-service is in effect) or through an
 * administrator (the account is read for the role). Phone numbers are claimed across users.
 */
export const handleUserDevicesCommand = async (attempt: Attempt, command: UserDevicesCommand): Promise<Outcome> => {
  const { loaders } = attempt;
  const loaded = await loadOrFail(loaders.user, streams.userDevices(command.data.userId));
  if (E.isLeft(loaded)) return loaded;
  const user = loaded.right;
  const repeat = user.commandIds.repeatOf(command.commandId, attempt.commandDigest);
  if (repeat === 'SAME') return succeeded([]);

  const accountId = command.type === 'RegisterUser' ? command.data.accountId : user.state.status === 'REGISTERED' ? user.state.accountId : undefined;
  const account = accountId === undefined ? E.right(undefined) : await loadOrFail(loaders.account, streams.account(accountId));
  if (E.isLeft(account)) return account;
  const { actor } = command;
  const sessionId = actor.kind === 'user' ? actor.sessionId : undefined;
  const session = sessionId === undefined ? E.right(undefined) : await loadOrFail(loaders.session, streams.portalSession(sessionId));
  if (E.isLeft(session)) return session;
  const sessionState = session.right?.state ?? initialPortalSessionState;
  const applicationId = sessionState.status === 'NONE' ? undefined : sessionState.applicationId;
  const application = applicationId === undefined ? E.right(undefined) : await loadOrFail(loaders.application, streams.application(applicationId));
  if (E.isLeft(application)) return application;

  const portal = {
    now: attempt.now,
    policy: attempt.policy,
    session: sessionState,
    application: application.right?.state ?? initialApplicationState,
    account: account.right?.state ?? initialAccountState,
  };

  let claim: ClaimCheck | undefined;
  if (command.type === 'EnrollDevice' && command.data.phoneNumber !== undefined && user.state.status === 'REGISTERED') {
    const { userId, deviceId, phoneNumber } = command.data;
    const checked = await checkClaim(attempt, { accountId: user.state.accountId, phoneNumber, userId, deviceId });
    if (E.isLeft(checked)) return checked;
    claim = checked.right;
  }

  const context: UserDevicesContext = { ...portal, ...(claim?.heldBy === undefined ? {} : { numberHeldBy: claim.heldBy }) };
  const decision = decideUserDevices(command, user.state, context);
  if (E.isLeft(decision)) return refused(decision.left);
  if (decision.right.length === 0) return repeat === 'REUSED' ? idempotencyKeyReused(command) : succeeded([]);
  const recorded = recordActor(command.actor, portal.account, {
    user: user.state,
    context: portal,
    targetUserId: command.data.userId,
    allowFirstDevice: allowsFirstDevice(command),
  });
  if (E.isLeft(recorded)) return recorded;
  if (repeat === 'REUSED') return idempotencyKeyReused(command);

  // Claim first: a device is never without its claim, whatever fails after this.
  const claimed = claim === undefined ? E.right([]) : await appendClaim(attempt, command, recorded.right, claim);
  if (E.isLeft(claimed)) return claimed;
  if (claim !== undefined && claimed.right.length > 0) {
    attempt.trace.claimed = claim.request;
    attempt.trace.claimEvents = [...(attempt.trace.claimEvents ?? []), ...claimed.right];
  }
  if (claim !== undefined) await attempt.hooks.betweenClaimAndEnrollment?.();

  const appended = await appendDecided(appendContext(attempt, command, recorded.right), loaders.user, user, decision.right);
  if (E.isLeft(appended)) return appended;

  // Release last: a removed device's number is freed only once the removal is recorded.
  const release = releaseRequestOf(decision.right);
  const released = release === undefined ? [] : await releaseClaim(attempt, command, recorded.right, release, 'DEVICE_REMOVED');
  return succeeded([...(attempt.trace.claimEvents ?? []), ...appended.right, ...released]);
};

/**
 * An enrollment that claimed its number and then ended without its device (refused on a
 * retry, or out of retries) gives the number back.
 */
export const abandonClaim = async (attempt: Attempt, command: UserDevicesCommand): Promise<void> => {
  const request = attempt.trace.claimed;
  if (request === undefined) return;
  const user = await loadOrFail(attempt.loaders.user, streams.userDevices(request.userId));
  if (E.isLeft(user) || user.right.state.status !== 'REGISTERED') return;
  if (findPhone(user.right.state, request.deviceId)?.phoneNumber === request.phoneNumber) return;
  await releaseClaim(attempt, command, { kind: 'system' }, request, 'ENROLLMENT_ABANDONED');
};
