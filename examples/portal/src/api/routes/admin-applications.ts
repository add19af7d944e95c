import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import { ApplicationType } from '@ssp/domain';
import type { ApplicationSettings, ApplicationView } from '@ssp/projections';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalServices } from '../../services';
import { answer, dataOf, runCommand } from '../command';
import { adminOf, storeProblem } from '../principal';
import { problemOf } from '../problem';
import { changeHeaders, emptyBody, enumOf, problems, uuid } from '../schemas/common';
import { sentFieldsOf } from '../sent-body';

type ApplicationParams = { Params: { applicationId: string } };

export const adminTag = 'Admin Panel';
const tags = [adminTag];
const applicationParams = { type: 'object', required: ['applicationId'], properties: { applicationId: uuid } } as const;

export const applicationSchema = {
  $id: 'Application',
  type: 'object',
  required: ['applicationId', 'name', 'applicationType', 'selfServiceSetting', 'selfService', 'registeredAt'],
  properties: {
    applicationId: uuid,
    name: { type: 'string' },
    applicationType: enumOf(ApplicationType),
    selfServiceSetting: { type: 'string', enum: ['ON', 'OFF'], description: "the administrator's recorded setting" },
    selfService: { type: 'string', enum: ['ENABLED', 'SUSPENDED', 'OFF'], description: 'what users get: the setting, unless the account lost eligibility' },
    suspendedBecause: { type: 'string', enum: ['EDITION', 'NEW_ENROLLMENT'] },
    settingChangedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const applicationsSchema = {
  type: 'object',
  required: ['accountId', 'newEnrollmentEnabled', 'applications'],
  properties: {
    accountId: uuid,
    accountName: { type: 'string' },
    newEnrollmentEnabled: { type: 'boolean' },
    applications: { type: 'array', items: { $ref: 'Application#' } },
  },
} as const;

const settingsOf = (services: PortalServices, accountId: string): TE.TaskEither<ReturnType<typeof storeProblem>, ApplicationSettings> =>
  pipe(
    services.queries.applicationSettingsOf(accountId),
    TE.mapLeft(storeProblem),
    TE.map((settings) => settings ?? { accountId, newEnrollmentEnabled: false, applications: [] }),
  );

/** One application of the administrator's own account; any other is not found. */
const applicationOf = (services: PortalServices, request: FastifyRequest<ApplicationParams>) =>
  pipe(
    adminOf(request, services),
    TE.chain((admin) => settingsOf(services, admin.accountId)),
    TE.chain((settings) => {
      const application = settings.applications.find((candidate) => candidate.applicationId === request.params.applicationId.toLowerCase());
      return application === undefined ? TE.left(problemOf('NOT_FOUND', 'application not found')) : TE.right(application);
    }),
  );

/**
 * The Admin Panel's applications: the list, one application's properties, and the setting
 * "Let users manage their devices" as a resource, PUT to enable and DELETE to disable.
 * Whether it may be enabled (role, edition, type, new enrollment) is the domain's to judge.
 */
export const registerAdminApplicationRoutes = (api: FastifyInstance, services: PortalServices): void => {
  api.get('/admin/applications', {
    schema: { tags, summary: "The account's applications with their self-service state", response: { 200: applicationsSchema, ...problems() } },
  }, async (request, reply) =>
    answer(request, reply, (settings: ApplicationSettings) => reply.header('cache-control', 'no-store').send(settings))(
      pipe(adminOf(request, services), TE.chain((admin) => settingsOf(services, admin.accountId))),
    ),
  );

  api.get<ApplicationParams>('/admin/applications/:applicationId', {
    schema: { tags, summary: "One application's properties", params: applicationParams, response: { 200: { description: 'the application', $ref: 'Application#' }, ...problems(400, 404) } },
  }, async (request, reply) =>
    answer(request, reply, (application: ApplicationView) => reply.header('cache-control', 'no-store').send(application))(applicationOf(services, request)),
  );

  const setSelfService = (type: 'EnableSelfService' | 'DisableSelfService') => async (request: FastifyRequest<ApplicationParams>, reply: FastifyReply) =>
    answer(request, reply, (application: ApplicationView) => reply.send(application))(
      pipe(
        adminOf(request, services),
        TE.chain((admin) =>
          pipe(
            TE.fromEither(dataOf(sentFieldsOf(request), { applicationId: request.params.applicationId })),
            TE.chain((data) => runCommand(services, request, { type, actor: admin.actor, data })),
          ),
        ),
        TE.chain(() => applicationOf(services, request)),
      ),
    );

  const settingChange = (summary: string, body?: typeof emptyBody) => ({
    schema: {
      tags,
      summary,
      headers: changeHeaders,
      params: applicationParams,
      ...(body === undefined ? {} : { body }),
      response: { 200: { description: 'the application after the change', $ref: 'Application#' }, ...problems(400, 403, 404, 409, 415, 422) },
    },
  });

  api.put<ApplicationParams>('/admin/applications/:applicationId/self-service', settingChange('Let users manage their devices (body: {})', emptyBody), setSelfService('EnableSelfService'));
  api.delete<ApplicationParams>('/admin/applications/:applicationId/self-service', settingChange('Stop letting users manage their devices'), setSelfService('DisableSelfService'));
};
