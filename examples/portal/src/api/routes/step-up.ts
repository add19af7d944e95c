import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import { StepUpMethod } from '@ssp/domain';

import type { FastifyInstance } from 'fastify';
import type { PortalSessionView } from '../../read-side/portal-sessions';
import type { PortalServices } from '../../services';
import type { AppendedEvent } from '@ssp/commands';
import type { FastifyRequest } from 'fastify';
import type { SimulatedAuthenticator } from '../../authenticator/simulated-authenticator';
import { deviceChoicesOf } from '../../routes/portal/device-choices';
import { answer, commandProblem, dataOf, runCommand } from '../command';
import { portalUserOf, storeProblem } from '../principal';
import { problemOf, type Problem } from '../problem';
import { changeHeaders, enumOf, problems, uuid } from '../schemas/common';
import { sentFieldsOf } from '../sent-body';

const tags = ['Authentication prompt'];

const challenge = { type: 'object', required: ['deviceId', 'method'], properties: { deviceId: uuid, method: enumOf(StepUpMethod) } } as const;

const stepUpStatusSchema = {
  type: 'object',
  required: ['sessionId', 'applicationId', 'status', 'expiresAt'],
  properties: {
    sessionId: uuid,
    applicationId: uuid,
    status: { type: 'string', enum: ['OPEN', 'ENDED'] },
    expiresAt: { type: 'string', format: 'date-time' },
    pendingStepUp: { ...challenge, description: 'begun, not answered yet: it grants nothing' },
    completedStepUp: {
      type: 'object',
      required: ['deviceId', 'method', 'completedAt'],
      properties: { ...challenge.properties, completedAt: { type: 'string', format: 'date-time' } },
      description: 'the last step-up the authenticator declared completed',
    },
  },
} as const;

const isStepUpMethod = (method: unknown): method is StepUpMethod => StepUpMethod.is(method);

const beginBody = { type: 'object', required: ['deviceId', 'method'], additionalProperties: false, properties: challenge.properties } as const;

const statusOf = ({ sessionId, applicationId, status, expiresAt, pendingStepUp, completedStepUp }: PortalSessionView) => ({
  sessionId,
  applicationId,
  status,
  expiresAt,
  ...(pendingStepUp === undefined ? {} : { pendingStepUp }),
  ...(completedStepUp === undefined ? {} : { completedStepUp }),
});

const passcodeBody = { type: 'object', required: ['passcode'], additionalProperties: false, properties: { passcode: { type: 'string', minLength: 1, maxLength: 20 } } } as const;

const choicesSchema = {
  type: 'object',
  required: ['devices'],
  properties: {
    devices: {
      type: 'array',
      items: { type: 'object', required: ['deviceId', 'label', 'kind'], properties: { deviceId: uuid, label: { type: 'string' }, kind: { type: 'string', enum: ['phone', 'token'] } } },
    },
  },
} as const;

const sessionOf = (services: PortalServices, request: FastifyRequest): TE.TaskEither<Problem, PortalSessionView> =>
  pipe(
    TE.fromEither(portalUserOf(request)),
    TE.chain((user) => pipe(services.queries.portalSession(user.actor.sessionId), TE.mapLeft(storeProblem))),
    TE.chain((view) => (view === undefined ? TE.left(problemOf('NOT_FOUND', 'portal session not found')) : TE.right(view))),
  );

/** The passcode route's body: the passcode and nothing else (no command codec judges it). */
const passcodeOf = (sent: Readonly<Record<string, unknown>>): E.Either<Problem, string> => {
  const extra = Object.keys(sent).filter((key) => key !== 'passcode');
  if (extra.length > 0) {
    const invalidParams = extra.map((name) => ({ name: name.slice(0, 40), reason: 'is not a field of the body' }));
    return E.left(problemOf('INVALID_COMMAND', invalidParams.map(({ name, reason }) => `${name} ${reason}`).join('; '), { invalidParams }));
  }
  return typeof sent.passcode === 'string'
    ? E.right(sent.passcode)
    : E.left(problemOf('INVALID_COMMAND', 'passcode must be a string', { invalidParams: [{ name: 'passcode', reason: 'must be a string' }] }));
};

/**
 * The authentication prompt's second factor: where the user's portal session stands, the
 * devices to choose from, beginning a step-up, and typing a passcode. Completing a push or a
 * call is the authenticator's (the simulated phone), never the user's: no route of the API
 * completes a step-up on the user's word, or the 2017 flaw would be back.
 */
export const registerStepUpRoutes = (api: FastifyInstance, services: PortalServices, authenticator: SimulatedAuthenticator | undefined): void => {
  api.get('/me/step-up', {
    schema: { tags, summary: "The portal session's step-up: pending, completed, or neither", response: { 200: stepUpStatusSchema, ...problems(404) } },
  }, async (request, reply) =>
    answer(request, reply, (view: PortalSessionView) => reply.header('cache-control', 'no-store').send(statusOf(view)))(sessionOf(services, request)),
  );

  api.get('/me/step-up/devices', {
    schema: { tags, summary: "The devices the prompt offers for the step-up, by name and last digits", response: { 200: choicesSchema, ...problems(404) } },
  }, async (request, reply) =>
    answer(request, reply, (devices: unknown) => reply.header('cache-control', 'no-store').send({ devices }))(
      pipe(
        sessionOf(services, request),
        TE.chain((session) => pipe(() => deviceChoicesOf(services, session.userId), TE.mapLeft(storeProblem))),
      ),
    ),
  );

  api.post('/me/step-up', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: "Begin a step-up on one of the user's devices (PUSH, CALL, SMS or PASSCODE); the authenticator completes it",
      headers: changeHeaders,
      body: beginBody,
      response: { 202: { description: 'the challenge is sent; GET /me/step-up shows when it is completed', $ref: 'ChangeResult#' }, ...problems(400, 403, 404, 415, 422, 429) },
    },
  }, async (request, reply) =>
    answer(request, reply, (events: readonly AppendedEvent[]) => reply.code(202).send({ events }))(
      pipe(
        TE.fromEither(portalUserOf(request)),
        TE.chain((user) =>
          pipe(
            TE.fromEither(dataOf(sentFieldsOf(request), { sessionId: user.actor.sessionId })),
            TE.chain((data) => runCommand(services, request, { type: 'BeginStepUp', actor: user.actor, data })),
            TE.map((events) => {
              const begun = events.find((event) => event.type === 'StepUpBegun')?.data;
              const { deviceId, method } = begun ?? {};
              if (authenticator !== undefined && typeof deviceId === 'string' && isStepUpMethod(method)) {
                authenticator.send({ sessionId: user.actor.sessionId, userId: user.actor.userId, deviceId, method });
              }
              return events;
            }),
          ),
        ),
      ),
    ),
  );

  if (authenticator === undefined) return;
  api.post('/me/step-up/passcode', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Answer an SMS or passcode step-up with the passcode the device shows; a wrong one fails the step-up',
      body: passcodeBody,
      response: { 200: stepUpStatusSchema, ...problems(400, 403, 404, 415, 429) },
    },
  }, async (request, reply) =>
    answer(request, reply, (view: PortalSessionView) => reply.send(statusOf(view)))(
      pipe(
        TE.fromEither(portalUserOf(request)),
        TE.bindTo('user'),
        TE.bind('passcode', () => TE.fromEither(passcodeOf(sentFieldsOf(request)))),
        TE.chain(({ user, passcode }) => TE.fromTask(() => authenticator.checkPasscode(user.actor.sessionId, passcode))),
        TE.chain((outcome) => {
          if (outcome.kind === 'no-challenge') return TE.left(problemOf('NOT_FOUND', 'no passcode step-up is waiting in this session: begin one first'));
          if (!outcome.result.ok) return TE.left(commandProblem(outcome.result.error));
          return outcome.matched ? sessionOf(services, request) : TE.left(problemOf('STEP_UP_REQUIRED', 'the passcode did not match: the step-up failed; begin a new one'));
        }),
      ),
    ),
  );
};
