import * as E from 'fp-ts/Either';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '@ssp/domain';
import type { StoreError } from '@ssp/eventstore';
import type { PortalSessionView } from '../read-side/portal-sessions';
import type { PortalServices } from '../services';
import type { PortalSignIn } from './session-data';

/** The actor of every portal command: the signed-in user and their portal session, from the server's session. */
export const portalActor = (portal: PortalSignIn): UserActor => ({ kind: 'user', userId: portal.userId, sessionId: portal.sessionId });

export const toPortalSignIn = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  request.session.flash = { kind: 'error', text: 'Sign in to an application first.' };
  return reply.redirect('/', 303);
};

export type Verified = Readonly<{ portal: PortalSignIn; session: PortalSessionView }>;

export type NotVerified =
  | Readonly<{ kind: 'signed-out' }>
  | Readonly<{ kind: 'step-up-needed' }>
  | Readonly<{ kind: 'store'; error: StoreError }>;

/**
 * The gate of My Settings & Devices: a signed-in user whose portal session, as the domain
 * folds it, holds a step-up the authenticator completed. A begun, unanswered step-up is a
 * `pendingStepUp` there, which opens nothing (the 2017 flaw). Whether the step-up is still
 * fresh is the command handler's to judge at each change: a stale one is refused with
 * STEP_UP_EXPIRED, and the page asks for a new step-up.
 */
export const verifiedPortalOf = async (request: FastifyRequest, services: PortalServices): Promise<E.Either<NotVerified, Verified>> => {
  const portal = request.session.portal;
  if (portal === undefined) return E.left({ kind: 'signed-out' });
  const session = await services.queries.portalSession(portal.sessionId)();
  if (E.isLeft(session)) return E.left({ kind: 'store', error: session.left });
  if (session.right === undefined || session.right.userId !== portal.userId) return E.left({ kind: 'signed-out' });
  if (session.right.status !== 'OPEN' || session.right.completedStepUp === undefined) return E.left({ kind: 'step-up-needed' });
  return E.right({ portal, session: session.right });
};

/** Sends the browser to the step-up, remembering the page to come back to. */
export const toStepUp = (request: FastifyRequest, reply: FastifyReply, returnTo: string, text?: string): FastifyReply => {
  request.session.returnTo = returnTo;
  if (text !== undefined) request.session.flash = { kind: 'error', text };
  return reply.redirect('/portal/step-up', 303);
};
