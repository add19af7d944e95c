import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import type { CommandType } from '@ssp/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PortalServices } from '../../services';
import { answer, dataOf } from '../command';
import { changeDevices, readDevices, type DevicesChanged, type DevicesRead } from '../devices-access';
import { adminOf, storeProblem, type AdminPrincipal } from '../principal';
import { problemOf, type Problem } from '../problem';
import { deviceChangeHeaders, problems, uuid } from '../schemas/common';
import { enrollmentBody, hardwareTokenBody } from '../schemas/devices';
import { sentFieldsOf } from '../sent-body';
import { adminTag } from './admin-applications';

type UserParams = { Params: { userId: string } };
type UserDeviceParams = { Params: { userId: string; deviceId: string } };

const tags = [adminTag];
const userParams = { type: 'object', required: ['userId'], properties: { userId: uuid } } as const;
const userDeviceParams = { type: 'object', required: ['userId', 'deviceId'], properties: { userId: uuid, deviceId: uuid } } as const;
const changeResponse = { description: 'the events appended; ETag names the new version of the devices', $ref: 'ChangeResult#' };
const changeProblems = problems(400, 403, 404, 409, 412, 415, 422, 428);

const usersSchema = {
  type: 'object',
  required: ['users'],
  properties: {
    users: {
      type: 'array',
      items: { type: 'object', required: ['userId', 'username', 'registeredAt'], properties: { userId: uuid, username: { type: 'string' }, registeredAt: { type: 'string', format: 'date-time' } } },
    },
  },
} as const;

/** The administrator, and the user named by the path if they are of the administrator's account; else not found. */
const adminAndUser = (services: PortalServices, request: FastifyRequest<UserParams>): TE.TaskEither<Problem, Readonly<{ admin: AdminPrincipal; userId: string }>> =>
  pipe(
    adminOf(request, services),
    TE.chain((admin) =>
      pipe(
        services.queries.accountOf(admin.accountId),
        TE.mapLeft(storeProblem),
        TE.chain((account) => {
          const userId = request.params.userId.toLowerCase();
          return account?.users.some((user) => user.userId === userId) === true ? TE.right({ admin, userId }) : TE.left(problemOf('NOT_FOUND', 'user not found'));
        }),
      ),
    ),
  );

/** A change an administrator makes to a user's devices: the administrator sees them, so If-Match is compared. */
const adminChange =
  (services: PortalServices, type: CommandType, sent: (request: FastifyRequest<UserDeviceParams>) => Readonly<Record<string, unknown>>) =>
  (request: FastifyRequest<UserDeviceParams>): TE.TaskEither<Problem, DevicesChanged> =>
    pipe(
      adminAndUser(services, request),
      TE.chain(({ admin, userId }) =>
        pipe(
          TE.fromEither(dataOf(sent(request), { userId })),
          TE.chain((data) => changeDevices(services, request, { userId, compareEtag: true, command: { type, actor: admin.actor, data } })),
        ),
      ),
    );

const withServerId = (field: string, services: PortalServices) => (request: FastifyRequest): Readonly<Record<string, unknown>> => {
  const sent = sentFieldsOf(request);
  return Object.hasOwn(sent, field) ? sent : { ...sent, [field]: services.newId() };
};

/**
 * The Admin Panel's users: the account's users, a user's devices with their ETag, and what an
 * administrator may change there: enroll or remove a phone, assign a hardware token. The
 * domain judges the role (OWNER, ADMINISTRATOR, USER_MANAGER, HELP_DESK).
 */
export const registerAdminUserRoutes = (api: FastifyInstance, services: PortalServices): void => {
  api.get('/admin/users', {
    schema: { tags, summary: "The account's users", response: { 200: usersSchema, ...problems() } },
  }, async (request, reply) =>
    answer(request, reply, (users: unknown) => reply.header('cache-control', 'no-store').send({ users }))(
      pipe(
        adminOf(request, services),
        TE.chain((admin) => pipe(services.queries.accountOf(admin.accountId), TE.mapLeft(storeProblem))),
        TE.map((account) => account?.users ?? []),
      ),
    ),
  );

  api.get<UserParams>('/admin/users/:userId/devices', {
    schema: { tags, summary: "A user's devices, with their ETag", params: userParams, response: { 200: { description: 'the devices; ETag names their version', $ref: 'Devices#' }, ...problems(400, 404) } },
  }, async (request, reply) =>
    answer(request, reply, ({ devices, etag }: DevicesRead) => reply.header('etag', etag).header('cache-control', 'no-store').send(devices))(
      pipe(adminAndUser(services, request), TE.chain(({ userId }) => readDevices(services, userId))),
    ),
  );

  const enroll = adminChange(services, 'EnrollDevice', withServerId('deviceId', services));
  api.post<UserDeviceParams>('/admin/users/:userId/devices', {
    schema: { tags, summary: 'Enroll a phone, tablet or landline for a user', headers: deviceChangeHeaders, params: userParams, body: enrollmentBody, response: { 201: changeResponse, ...changeProblems } },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => {
      const deviceId = events.find((event) => event.type === 'DeviceEnrolled')?.data.deviceId;
      return reply.code(201).header('etag', etag).send({ events, ...(typeof deviceId === 'string' ? { deviceId } : {}) });
    })(enroll(request)),
  );

  const remove = adminChange(services, 'RemoveDevice', (request) => ({ deviceId: request.params.deviceId }));
  api.delete<UserDeviceParams>('/admin/users/:userId/devices/:deviceId', {
    schema: { tags, summary: "Remove a user's phone (an administrator may remove the last one)", headers: deviceChangeHeaders, params: userDeviceParams, response: { 200: changeResponse, ...changeProblems } },
  }, async (request, reply) => answer(request, reply, ({ events, etag }: DevicesChanged) => reply.header('etag', etag).send({ events }))(remove(request)));

  const assign = adminChange(services, 'AssignHardwareToken', withServerId('tokenId', services));
  api.post<UserDeviceParams>('/admin/users/:userId/hardware-tokens', {
    schema: { tags, summary: 'Assign a hardware token to a user', headers: deviceChangeHeaders, params: userParams, body: hardwareTokenBody, response: { 201: changeResponse, ...changeProblems } },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => {
      const tokenId = events.find((event) => event.type === 'HardwareTokenAssigned')?.data.tokenId;
      return reply.code(201).header('etag', etag).send({ events, ...(typeof tokenId === 'string' ? { tokenId } : {}) });
    })(assign(request)),
  );
};
