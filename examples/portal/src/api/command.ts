import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import type { AppendedEvent, CommandError } from '@ssp/commands';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PortalCommand, PortalServices } from '../services';
import { invalidParamsOf, problemOf, sendProblem, type Problem } from './problem';

/** A refused command as a problem: its code, its message, and for bad input each field it names. */
export const commandProblem = (error: CommandError): Problem =>
  problemOf(error.code, error.message, error.code === 'INVALID_COMMAND' ? { invalidParams: invalidParamsOf(error.message) } : {});

/**
 * The command id: the client's `Idempotency-Key` when it sends one, so that a request sent
 * again after a lost answer changes nothing twice. It is handed to the handler as it came:
 * a key that is not a UUID is refused by the command's codec, naming the header.
 */
export const idempotencyKeyOf = (request: FastifyRequest): string | undefined => {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
};

/**
 * Sends a command built by a route (its actor from the session, its data from the path and
 * the body as sent) through the services' `execute`, which waits for the read models to show
 * its effect, so that a GET right after the answer sees it.
 */
export const runCommand = (
  services: PortalServices,
  request: FastifyRequest,
  command: Omit<PortalCommand, 'commandId'>,
): TE.TaskEither<Problem, readonly AppendedEvent[]> => {
  const commandId = idempotencyKeyOf(request);
  return async () => {
    const result = await services.execute(commandId === undefined ? command : { ...command, commandId });
    return result.ok ? E.right(result.events) : E.left(commandProblem(result.error));
  };
};

/**
 * The command's `data`: the body's fields as sent, and the fields the server fills in (the
 * user from the session or the path, the device from the path). A body that names one of
 * those itself is refused, never silently overridden: `{"userId": …}` in a body is somebody
 * trying to act on another user.
 */
export const dataOf = (
  sent: Readonly<Record<string, unknown>>,
  filled: Readonly<Record<string, unknown>>,
): E.Either<Problem, Readonly<Record<string, unknown>>> => {
  const clashes = Object.keys(filled).filter((key) => Object.hasOwn(sent, key));
  if (clashes.length === 0) return E.right({ ...sent, ...filled });
  const invalidParams = clashes.map((name) => ({ name, reason: 'is not a field of the body: the server takes it from the session or the path' }));
  return E.left(problemOf('INVALID_COMMAND', invalidParams.map(({ name, reason }) => `${name} ${reason}`).join('; '), { invalidParams }));
};

/** Answers a route's outcome: the problem, or what `ok` makes of the value. */
export const answer =
  <A>(request: FastifyRequest, reply: FastifyReply, ok: (value: A) => FastifyReply) =>
  async (outcome: TE.TaskEither<Problem, A>): Promise<FastifyReply> => {
    const result = await outcome();
    return E.isLeft(result) ? sendProblem(reply, { ...result.left, instance: request.url }) : ok(result.right);
  };
