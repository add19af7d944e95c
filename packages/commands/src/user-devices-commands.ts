import * as E from 'fp-ts/Either';
import {
  decideUserDevices,
  initialAccountState,
  initialApplicationState,
  initialPortalSessionState,
  streams,
  type ClaimRequest,
  type DomainEvent,
  type UserDevicesCommand,
  type UserDevicesContext,
} from '@ssp/domain';
import { appendDecided, attemptResultOf } from './appender';
import { accepted, idempotencyKeyReused, refused, type AttemptInputs, type AttemptResult, type ClaimMade } from './attempt';
import { load, loadIfNamed } from './loaders';
import { appendClaim, checkClaim, releaseClaim, type ClaimCheck } from './phone-number-claims';

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
export const attemptUserDevicesCommand = async (inputs: AttemptInputs, command: UserDevicesCommand): Promise<AttemptResult> => {
  const { loaders } = inputs;
  const loaded = await load(loaders.user, streams.userDevices(command.data.userId));
  if (E.isLeft(loaded)) return refused(loaded.left);
  const user = loaded.right;
  const repeat = user.commandIds.repeatOf(command.commandId, inputs.commandDigest);
  if (repeat === 'SAME') return accepted([]);

  // The context streams are read concurrently where one does not name the next: on a store
  // across a network, a command waits for two round trips instead of four.
  const accountId = command.type === 'RegisterUser' ? command.data.accountId : user.state.status === 'REGISTERED' ? user.state.accountId : undefined;
  const { actor } = command;
  const [account, session] = await Promise.all([
    loadIfNamed(loaders.account, accountId === undefined ? undefined : streams.account(accountId)),
    loadIfNamed(loaders.session, actor.kind === 'user' && actor.sessionId !== undefined ? streams.portalSession(actor.sessionId) : undefined),
  ]);
  if (E.isLeft(account)) return refused(account.left);
  if (E.isLeft(session)) return refused(session.left);
  const sessionState = session.right?.state ?? initialPortalSessionState;
  const claimRequest =
    command.type === 'EnrollDevice' && command.data.phoneNumber !== undefined && user.state.status === 'REGISTERED'
      ? { accountId: user.state.accountId, phoneNumber: command.data.phoneNumber, userId: command.data.userId, deviceId: command.data.deviceId }
      : undefined;
  const [application, checked] = await Promise.all([
    loadIfNamed(loaders.application, sessionState.status === 'NONE' ? undefined : streams.application(sessionState.applicationId)),
    claimRequest === undefined ? Promise.resolve(E.right(undefined)) : checkClaim(inputs, claimRequest),
  ]);
  if (E.isLeft(application)) return refused(application.left);
  if (E.isLeft(checked)) return refused(checked.left);
  const claim: ClaimCheck | undefined = checked.right;

  const context: UserDevicesContext = {
    now: inputs.now,
    policy: inputs.policy,
    session: sessionState,
    application: application.right?.state ?? initialApplicationState,
    account: account.right?.state ?? initialAccountState,
    ...(claim?.heldBy === undefined ? {} : { numberHeldBy: claim.heldBy }),
  };
  const decision = decideUserDevices(command, user.state, context);
  if (E.isLeft(decision)) return refused(decision.left);
  if (repeat === 'REUSED') return idempotencyKeyReused(command);
  const { events, actor: recorded } = decision.right;
  if (events.length === 0) return accepted([]);

  // Claim first: a device is never without its claim, whatever fails after this.
  let claimMade: ClaimMade | undefined;
  if (claim !== undefined) {
    const claimed = await appendClaim(inputs, command, recorded, claim);
    if (E.isLeft(claimed)) return attemptResultOf(claimed);
    if (claimed.right.length > 0) claimMade = { request: claim.request, events: claimed.right };
    await inputs.hooks.betweenClaimAndEnrollment?.();
  }
  const withClaim = (result: AttemptResult): AttemptResult => (claimMade === undefined ? result : { ...result, claim: claimMade });

  const appended = await appendDecided(inputs, command, recorded, loaders.user, user, events);
  if (E.isLeft(appended)) return withClaim(attemptResultOf(appended));

  // Release last: a removed device's number is freed only once the removal is recorded.
  const release = releaseRequestOf(events);
  const released = release === undefined ? [] : await releaseClaim(inputs, command, recorded, release, 'DEVICE_REMOVED');
  return withClaim(accepted([...appended.right, ...released]));
};
