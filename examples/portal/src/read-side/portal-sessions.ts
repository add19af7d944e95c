import * as t from 'io-ts';
import {
  evolvePortalSession,
  initialPortalSessionState,
  isPortalSessionEvent,
  StepUpMethod,
  type StartedSession,
} from '@ssp/domain';
import type { Projection } from '@ssp/projections';

const Challenge = t.type({ deviceId: t.string, method: StepUpMethod });

/**
 * A portal session as the domain folds it (`evolvePortalSession`), one document per session
 * id. The pages read whether a step-up was completed from here, so that what they show follows
 * the domain's own state of the session and never a flag the app keeps on the side.
 */
export const PortalSessionView = t.intersection([
  t.type({
    status: t.keyof({ OPEN: null, ENDED: null }),
    sessionId: t.string,
    userId: t.string,
    applicationId: t.string,
    accountId: t.string,
    startedAt: t.string,
    expiresAt: t.string,
  }),
  t.partial({
    pendingStepUp: Challenge,
    completedStepUp: t.intersection([Challenge, t.type({ completedAt: t.string })]),
  }),
]);
export type PortalSessionView = t.TypeOf<typeof PortalSessionView>;

/** The session's document, or the domain's initial state when it has none yet. */
const stateOf = (view: PortalSessionView | undefined) => view ?? initialPortalSessionState;

const asView = (session: StartedSession): PortalSessionView => ({ ...session });

export const portalSessionsProjection: Projection<PortalSessionView> = {
  name: 'portal-example-sessions',
  document: PortalSessionView,
  touches: ({ event }) => (isPortalSessionEvent(event) ? [event.data.sessionId] : []),
  apply: ({ event }, current) => {
    if (!isPortalSessionEvent(event)) return [];
    const next = evolvePortalSession(stateOf(current(event.data.sessionId)), event);
    return next.status === 'NONE' ? [] : [[event.data.sessionId, asView(next)]];
  },
};
