import type { Decider } from '../shared/decider';
import type { PortalSessionCommand } from './commands';
import { decidePortalSession, type PortalSessionContext } from './decide';
import type { PortalSessionEvent } from './events';
import { evolvePortalSession, initialPortalSessionState, type PortalSessionState } from './state';

export * from './commands';
export * from './events';
export { authorisePortalChange, liveSessionOf, type PortalAuthorisation, type PortalContext } from './step-up';
export { decidePortalSession, type PortalSessionContext } from './decide';
export { evolvePortalSession, initialPortalSessionState, type Challenge, type PortalSessionState, type StartedSession } from './state';

export const portalSessionDecider: Decider<PortalSessionCommand, PortalSessionState, PortalSessionEvent, PortalSessionContext> = {
  initialState: initialPortalSessionState,
  evolve: evolvePortalSession,
  decide: decidePortalSession,
};
