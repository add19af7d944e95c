import * as E from 'fp-ts/Either';
import type { AccountState } from '../account/state';
import { selfServiceStatus } from '../application/self-service';
import type { ApplicationState } from '../application/state';
import type { RecordedActor, StepUpProof, UserActor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Policy } from '../shared/policy';
import { isAfter, secondsBetween } from '../shared/time';
import { userDeviceCan } from '../user-devices/capabilities';
import { deviceCount, type RegisteredUser, type UserDevicesState } from '../user-devices/state';
import type { PortalSessionState, StartedSession } from './state';

/** Everything a user's change in the portal is judged against. */
export type PortalContext = Readonly<{
  now: string;
  policy: Policy;
  session: PortalSessionState;
  application: ApplicationState;
  account: AccountState;
}>;

/** What authorised a user's change: the session, and the step-up or the first-device exemption. */
export type PortalAuthorisation = Readonly<{
  userId: string;
  sessionId: string;
  stepUp?: StepUpProof;
  firstDevice?: true;
}>;

/** A user's portal change as history records it: the session, and the step-up or the first-device exemption. */
export const recordedPortalUser = ({ userId, sessionId, stepUp, firstDevice }: PortalAuthorisation): RecordedActor => ({
  kind: 'user',
  userId,
  sessionId,
  ...(stepUp === undefined ? {} : { stepUp }),
  ...(firstDevice === true ? { firstDevice } : {}),
});

/** An open session of this user, not ended and not older than the policy allows. */
export const liveSessionOf = (
  actor: UserActor,
  session: PortalSessionState,
  now: string,
): E.Either<DomainError, StartedSession> => {
  if (session.status === 'NONE' || session.sessionId !== actor.sessionId) {
    return E.left(domainError('NOT_FOUND', 'portal session not found'));
  }
  if (session.userId !== actor.userId) {
    return E.left(domainError('SESSION_MISMATCH', 'the portal session belongs to another user'));
  }
  if (session.status === 'ENDED') return E.left(domainError('STEP_UP_EXPIRED', 'the portal session has ended; start a new one'));
  if (isAfter(now, session.expiresAt)) {
    return E.left(domainError('STEP_UP_EXPIRED', `the portal session expired at ${session.expiresAt}; start a new one`));
  }
  return E.right(session);
};

/**
 * The rule that protects everything in the portal. A change needs a live session of the user
 * whose devices change, through an application with self-service in effect, and a step-up
 * the authenticator declared completed (begun is not enough: the 2017 flaw), fresh, on a
 * device the user still owns and that can do the method. The one exemption: a user with no
 * device at all may enroll a first one, while the account has new enrollment enabled.
 */
export const authorisePortalChange = (
  actor: UserActor,
  targetUserId: string,
  user: UserDevicesState,
  context: PortalContext,
  allowFirstDevice: boolean,
): E.Either<DomainError, PortalAuthorisation & Readonly<{ user: RegisteredUser }>> => {
  if (actor.userId !== targetUserId) {
    return E.left(domainError('SESSION_MISMATCH', "a user may act only on their own devices"));
  }
  const live = liveSessionOf(actor, context.session, context.now);
  if (E.isLeft(live)) return live;
  const session = live.right;
  if (user.status !== 'REGISTERED') return E.left(domainError('NOT_FOUND', 'user not found'));
  if (session.accountId !== user.accountId || (context.application.status === 'REGISTERED' && context.application.accountId !== user.accountId)) {
    return E.left(domainError('SESSION_MISMATCH', "the portal session belongs to another account"));
  }
  // Self-service is judged on the application the session runs through, never another one.
  if (context.application.status === 'REGISTERED' && context.application.applicationId !== session.applicationId) {
    return E.left(domainError('SESSION_MISMATCH', 'the portal session runs through another application'));
  }
  const firstDevice = allowFirstDevice && deviceCount(user) === 0;
  // Checked before suspension, which disabled new enrollment also causes and would otherwise always hide this reason.
  if (firstDevice && (context.account.status !== 'OPEN' || !context.account.newEnrollmentEnabled)) {
    return E.left(domainError('NEW_ENROLLMENT_DISABLED', 'the account has new enrollment turned off'));
  }
  const status = selfServiceStatus(context.application, context.account);
  if (status.status !== 'ENABLED') {
    const why = status.status === 'OFF' ? 'is off' : `is suspended (${status.reason === 'EDITION' ? 'edition' : 'new enrollment disabled'})`;
    return E.left(domainError('SELF_SERVICE_NOT_ENABLED', `self-service ${why} for this application`));
  }
  const base = { userId: user.userId, sessionId: session.sessionId, user };
  if (firstDevice) return E.right({ ...base, firstDevice: true });
  const stepUp = session.completedStepUp;
  if (stepUp === undefined) {
    return E.left(domainError('STEP_UP_REQUIRED', 'complete two-factor authentication in this session first'));
  }
  // A step-up completed after the time of this decision cannot have authorised it: another
  // process's clock is ahead of ours. The audit would flag the change STEP_UP_AFTER_CHANGE, and
  // the command side never accepts what the audit condemns.
  if (isAfter(stepUp.completedAt, context.now)) {
    return E.left(
      domainError('STEP_UP_REQUIRED', `the step-up was completed at ${stepUp.completedAt}, after this change's time ${context.now}: the clocks of the processes disagree; step up again, or retry once they agree`),
    );
  }
  const age = secondsBetween(stepUp.completedAt, context.now);
  if (age > context.policy.stepUpFreshSeconds) {
    return E.left(domainError('STEP_UP_EXPIRED', `the step-up is ${Math.floor(age)} s old; it authorises changes for ${context.policy.stepUpFreshSeconds} s`));
  }
  if (userDeviceCan(user, stepUp.deviceId, stepUp.method) !== 'YES') {
    return E.left(domainError('STEP_UP_REQUIRED', 'the device that completed the step-up can no longer do so; step up again'));
  }
  return E.right({ ...base, stepUp });
};
