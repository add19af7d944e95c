import type { StepUpMethod } from '../shared/enums';
import type { PortalSessionEvent } from './events';

export type Challenge = Readonly<{ deviceId: string; method: StepUpMethod }>;

export type StartedSession = Readonly<{
  status: 'OPEN' | 'ENDED';
  sessionId: string;
  userId: string;
  applicationId: string;
  accountId: string;
  startedAt: string;
  expiresAt: string;
  /** A challenge begun and not yet answered: it grants nothing. */
  pendingStepUp?: Challenge;
  /** The last step-up the authenticator declared completed. */
  completedStepUp?: Challenge & Readonly<{ completedAt: string }>;
}>;

export type PortalSessionState = Readonly<{ status: 'NONE' }> | StartedSession;

export const initialPortalSessionState: PortalSessionState = { status: 'NONE' };

export const evolvePortalSession = (state: PortalSessionState, event: PortalSessionEvent): PortalSessionState => {
  if (event.type === 'PortalSessionStarted') {
    const { sessionId, userId, applicationId, accountId, startedAt, expiresAt } = event.data;
    return { status: 'OPEN', sessionId, userId, applicationId, accountId, startedAt, expiresAt };
  }
  if (state.status === 'NONE') return state;
  const { pendingStepUp: _pending, ...withoutPending } = state;
  switch (event.type) {
    case 'StepUpBegun':
      return { ...state, pendingStepUp: { deviceId: event.data.deviceId, method: event.data.method } };
    case 'StepUpCompleted':
      return {
        ...withoutPending,
        completedStepUp: { deviceId: event.data.deviceId, method: event.data.method, completedAt: event.data.completedAt },
      };
    case 'StepUpFailed':
      return withoutPending;
    case 'PortalSessionEnded':
      return { ...withoutPending, status: 'ENDED' };
  }
};
