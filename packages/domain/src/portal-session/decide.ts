import * as E from 'fp-ts/Either';
import type { AccountState } from '../account/state';
import { selfServiceStatus } from '../application/self-service';
import type { ApplicationState } from '../application/state';
import { recordedUser } from '../shared/actor';
import { decidedBy, type Decision } from '../shared/decider';
import type { StepUpMethod } from '../shared/enums';
import { domainError, type DomainError } from '../shared/errors';
import type { Policy } from '../shared/policy';
import { addSeconds, isAfter } from '../shared/time';
import { userDeviceCan } from '../user-devices/capabilities';
import type { UserDevicesState } from '../user-devices/state';
import type { PortalSessionCommand } from './commands';
import type { PortalSessionEvent } from './events';
import type { PortalSessionState } from './state';
import { liveSessionOf } from './step-up';

/** The session's user, and the application and account it runs through, as they stand now. */
export type PortalSessionContext = Readonly<{
  now: string;
  policy: Policy;
  user: UserDevicesState;
  application: ApplicationState;
  account: AccountState;
}>;

type Decided = E.Either<DomainError, Decision<PortalSessionEvent>>;

type OpenChallenge = Readonly<{ sessionId: string; userId: string; deviceId: string; method: StepUpMethod }>;

/** Only the authenticator, the trusted verifier of second factors, answers a challenge. */
const pendingChallenge = (command: PortalSessionCommand, state: PortalSessionState, now: string): E.Either<DomainError, OpenChallenge> => {
  if (command.actor.kind !== 'authenticator') {
    return E.left(domainError('FORBIDDEN', 'only the authenticator completes or fails a step-up'));
  }
  if (state.status === 'NONE') return E.left(domainError('NOT_FOUND', 'portal session not found'));
  if (state.status === 'ENDED' || isAfter(now, state.expiresAt)) {
    return E.left(domainError('STEP_UP_EXPIRED', 'the portal session has ended or expired'));
  }
  const pending = state.pendingStepUp;
  if (pending === undefined) return E.left(domainError('STEP_UP_REQUIRED', 'no step-up has been begun in this session'));
  return E.right({ sessionId: state.sessionId, userId: state.userId, ...pending });
};

const start = (command: Extract<PortalSessionCommand, { type: 'StartPortalSession' }>, state: PortalSessionState, context: PortalSessionContext): Decided => {
  const { actor, data } = command;
  if (actor.kind !== 'user') return E.left(domainError('FORBIDDEN', 'only a user starts a portal session'));
  if (actor.userId !== data.userId) return E.left(domainError('SESSION_MISMATCH', 'a user starts portal sessions only for themselves'));
  if (state.status !== 'NONE') return E.left(domainError('DUPLICATE', `portal session ${data.sessionId} already exists`));
  const { user, application, account } = context;
  if (user.status !== 'REGISTERED') return E.left(domainError('NOT_FOUND', 'user not found'));
  if (application.status !== 'REGISTERED' || application.accountId !== user.accountId) {
    return E.left(domainError('NOT_FOUND', 'application not found'));
  }
  const status = selfServiceStatus(application, account);
  if (status.status !== 'ENABLED') {
    return E.left(domainError('SELF_SERVICE_NOT_ENABLED', `self-service is ${status.status.toLowerCase()} for this application`));
  }
  return E.right(decidedBy<PortalSessionEvent>(recordedUser(actor))([
    {
      type: 'PortalSessionStarted',
      data: {
        sessionId: data.sessionId,
        userId: data.userId,
        applicationId: data.applicationId,
        accountId: user.accountId,
        startedAt: context.now,
        expiresAt: addSeconds(context.now, context.policy.sessionSeconds),
      },
    },
  ]));
};

const beginStepUp = (command: Extract<PortalSessionCommand, { type: 'BeginStepUp' }>, state: PortalSessionState, context: PortalSessionContext): Decided => {
  const { actor, data } = command;
  if (actor.kind !== 'user') return E.left(domainError('FORBIDDEN', 'only the session\'s user begins a step-up'));
  if (actor.sessionId !== data.sessionId) return E.left(domainError('SESSION_MISMATCH', 'the step-up must be begun in the actor\'s own session'));
  const live = liveSessionOf(actor, state, context.now);
  if (E.isLeft(live)) return live;
  if (context.user.status !== 'REGISTERED') return E.left(domainError('NOT_FOUND', 'user not found'));
  // Only the session's own user's devices can answer its challenge.
  if (context.user.userId !== live.right.userId) return E.left(domainError('SESSION_MISMATCH', 'the device must belong to the session\'s user'));
  switch (userDeviceCan(context.user, data.deviceId, data.method)) {
    case 'NOT_OWNED':
      return E.left(domainError('NOT_FOUND', `device ${data.deviceId} not found among the user's devices`));
    case 'NOT_CAPABLE':
      return E.left(domainError('DEVICE_NOT_CAPABLE', `this device cannot complete a ${data.method} step-up`));
    case 'YES':
      return E.right(
        decidedBy<PortalSessionEvent>(recordedUser(actor))([
          { type: 'StepUpBegun', data: { sessionId: data.sessionId, userId: actor.userId, deviceId: data.deviceId, method: data.method, begunAt: context.now } },
        ]),
      );
  }
};

const end = (command: Extract<PortalSessionCommand, { type: 'EndPortalSession' }>, state: PortalSessionState, now: string): Decided => {
  const { actor } = command;
  if (actor.kind !== 'user' && actor.kind !== 'system') return E.left(domainError('FORBIDDEN', 'only the session\'s user or the system ends a session'));
  if (state.status === 'NONE') return E.left(domainError('NOT_FOUND', 'portal session not found'));
  if (actor.kind === 'user' && actor.userId !== state.userId) return E.left(domainError('SESSION_MISMATCH', 'the portal session belongs to another user'));
  const decided = decidedBy<PortalSessionEvent>(actor.kind === 'user' ? recordedUser(actor) : actor);
  if (state.status === 'ENDED') return E.right(decided([]));
  return E.right(decided([{ type: 'PortalSessionEnded', data: { sessionId: state.sessionId, userId: state.userId, endedAt: now, endedBy: actor.kind } }]));
};

/** The authenticator answers challenges, and is recorded as itself. */
const byAuthenticator = decidedBy<PortalSessionEvent>({ kind: 'authenticator' });

export const decidePortalSession = (command: PortalSessionCommand, state: PortalSessionState, context: PortalSessionContext): Decided => {
  switch (command.type) {
    case 'StartPortalSession':
      return start(command, state, context);
    case 'BeginStepUp':
      return beginStepUp(command, state, context);
    case 'CompleteStepUp':
      return E.map((challenge: OpenChallenge) => byAuthenticator([{ type: 'StepUpCompleted', data: { ...challenge, completedAt: context.now } }]))(
        pendingChallenge(command, state, context.now),
      );
    case 'FailStepUp':
      return E.map((challenge: OpenChallenge) => byAuthenticator([{ type: 'StepUpFailed', data: { ...challenge, failedAt: context.now } }]))(
        pendingChallenge(command, state, context.now),
      );
    case 'EndPortalSession':
      return end(command, state, context.now);
  }
};
