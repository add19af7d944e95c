import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import { liveSessionOf, type AdminActor, type UserActor } from '@ssp/domain';
import type { StoreError } from '@ssp/eventstore';
import type { FastifyRequest } from 'fastify';
import type { AdminSignIn, PortalSignIn } from '../http/session-data';
import type { PortalServices } from '../services';
import { problemOf, type Problem } from './problem';

/** An administrator signed in to the Admin Panel, as the session cookie vouches. */
export type AdminPrincipal = Readonly<{ actor: AdminActor; accountId: string }>;

/** A user past primary authentication, in their portal session, as the session cookie vouches. */
export type PortalPrincipal = Readonly<{ actor: UserActor & Readonly<{ sessionId: string }>; accountId: string; applicationId: string }>;

export const storeProblem = (error: StoreError): Problem =>
  error.kind === 'Unavailable'
    ? problemOf('STORE_UNAVAILABLE', `the store cannot be reached: ${error.message}`)
    : problemOf('STORE_FAILURE', error.kind === 'WrongExpectedRevision' ? `${error.streamName} changed` : error.message);

const notSignedIn = (as: string): Problem =>
  problemOf('NOT_AUTHENTICATED', `sign in ${as} first: no valid session cookie came with the request (absent, tampered with, or expired)`);

/**
 * The administrator of the session, still one of the account's administrators now: a removed
 * administrator's cookie opens nothing. The actor is built here, from the session, and from
 * nothing the request says; the role is not part of it, the handler reads it from history.
 */
export const adminOf = (request: FastifyRequest, services: PortalServices): TE.TaskEither<Problem, AdminPrincipal> => {
  const signedIn: AdminSignIn | undefined = request.session.admin;
  if (signedIn === undefined) return TE.left(notSignedIn('to the Admin Panel'));
  return pipe(
    services.queries.accountOf(signedIn.accountId),
    TE.mapLeft(storeProblem),
    TE.chain((account) =>
      account !== undefined && Object.hasOwn(account.administrators, signedIn.adminId)
        ? TE.right({ actor: { kind: 'admin', adminId: signedIn.adminId }, accountId: signedIn.accountId })
        : TE.left(problemOf('NOT_AUTHENTICATED', 'the signed-in administrator is no longer an administrator of the account: sign in again')),
    ),
  );
};

/** The user of the session's portal session, as the command handler will judge them. */
export const portalUserOf = (request: FastifyRequest): E.Either<Problem, PortalPrincipal> => {
  const signedIn: PortalSignIn | undefined = request.session.portal;
  if (signedIn === undefined) return E.left(notSignedIn("to an application's prompt"));
  const { userId, sessionId, accountId, applicationId } = signedIn;
  return E.right({ actor: { kind: 'user', userId, sessionId }, accountId, applicationId });
};

/**
 * The user, allowed to see their devices: a live portal session with a step-up the
 * authenticator declared completed. A step-up begun and not completed shows nothing (the 2017
 * flaw). Whether the step-up is still fresh enough for a change is the command handler's to
 * judge, with every other rule, when a change is sent.
 */
export const steppedUpUserOf = (request: FastifyRequest, services: PortalServices): TE.TaskEither<Problem, PortalPrincipal> =>
  pipe(
    TE.fromEither(portalUserOf(request)),
    TE.chain((principal) =>
      pipe(
        services.queries.portalSession(principal.actor.sessionId),
        TE.mapLeft(storeProblem),
        TE.chain((session) => {
          const live = liveSessionOf(principal.actor, session ?? { status: 'NONE' }, services.clock());
          if (E.isLeft(live)) return TE.left(problemOf(live.left.code, live.left.message));
          return live.right.completedStepUp === undefined
            ? TE.left(problemOf('STEP_UP_REQUIRED', 'complete two-factor authentication in this portal session to see your devices'))
            : TE.right(principal);
        }),
      ),
    ),
  );
