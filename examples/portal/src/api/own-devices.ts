import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import type { CommandType } from '@ssp/domain';
import type { FastifyRequest } from 'fastify';
import type { PortalServices } from '../services';
import { changeDevices, type DevicesChanged } from './devices-access';
import { portalUserOf, steppedUpUserOf, type PortalPrincipal } from './principal';
import type { Problem } from './problem';

/** What a route makes of a request: the command's type and data (the actor is never the route's). */
export type CommandOfRequest = Readonly<{ type: CommandType; data: Readonly<Record<string, unknown>> }>;

/** The command of a type, over data that may have been refused. */
export const commandOf =
  (type: CommandType) =>
  (data: E.Either<Problem, Readonly<Record<string, unknown>>>): E.Either<Problem, CommandOfRequest> =>
    E.map((fields: Readonly<Record<string, unknown>>) => ({ type, data: fields }))(data);

/**
 * A change the signed-in user makes to their own devices, as the user of their portal
 * session. The ETag is compared only once they may see the devices (a completed step-up,
 * see `DevicesChange.compareEtag`); every rule, the step-up's freshness included, is the
 * command handler's.
 */
export const changeOwnDevices = (
  services: PortalServices,
  request: FastifyRequest,
  build: (user: PortalPrincipal) => E.Either<Problem, CommandOfRequest>,
): TE.TaskEither<Problem, DevicesChanged> =>
  pipe(
    TE.fromEither(portalUserOf(request)),
    TE.bindTo('user'),
    TE.bind('compareEtag', () => TE.fromTask(async () => E.isRight(await steppedUpUserOf(request, services)()))),
    TE.bind('command', ({ user }) => TE.fromEither(build(user))),
    TE.chain(({ user, compareEtag, command }) =>
      changeDevices(services, request, { userId: user.actor.userId, compareEtag, command: { ...command, actor: user.actor } }),
    ),
  );
