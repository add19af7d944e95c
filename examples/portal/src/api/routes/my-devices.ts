import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import type { PhoneView } from '@ssp/projections';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PortalServices } from '../../services';
import { answer, dataOf } from '../command';
import { readDevices, type DevicesChanged, type DevicesRead } from '../devices-access';
import { changeOwnDevices, commandOf } from '../own-devices';
import { steppedUpUserOf } from '../principal';
import { problemOf, type Problem } from '../problem';
import { deviceChangeHeaders, problems } from '../schemas/common';
import { deviceParams, enrollmentBody, renameBody } from '../schemas/devices';
import { sentFieldsOf } from '../sent-body';

type DeviceParams = { Params: { deviceId: string } };

export const myDevicesTag = 'My Settings & Devices';
const tags = [myDevicesTag];
const changeResponse = { description: 'the events appended; ETag names the new version of the devices', $ref: 'ChangeResult#' };
const changeProblems = problems(400, 403, 404, 409, 412, 415, 422, 428);

/** "My Settings & Devices": the signed-in user's phones read, enrolled, renamed and removed. */
export const registerMyDevicesRoutes = (api: FastifyInstance, services: PortalServices): void => {
  const myDevices = (request: FastifyRequest): TE.TaskEither<Problem, DevicesRead> =>
    pipe(steppedUpUserOf(request, services), TE.chain((user) => readDevices(services, user.actor.userId)));

  api.get('/me/devices', {
    schema: {
      tags,
      summary: "The signed-in user's phones and hardware tokens, once a step-up is completed; with their ETag",
      response: { 200: { description: 'the devices; ETag names their version', $ref: 'Devices#' }, ...problems(403, 404) },
    },
  }, async (request, reply) =>
    answer(request, reply, ({ devices, etag }: DevicesRead) => reply.header('etag', etag).header('cache-control', 'no-store').send(devices))(myDevices(request)),
  );

  api.get<DeviceParams>('/me/devices/:deviceId', {
    schema: {
      tags,
      summary: 'One phone of the signed-in user, with the ETag of all their devices',
      params: deviceParams,
      response: { 200: { description: 'the phone', $ref: 'Phone#' }, ...problems(400, 403, 404) },
    },
  }, async (request, reply) =>
    answer(request, reply, ({ phone, etag }: { phone: PhoneView; etag: string }) => reply.header('etag', etag).header('cache-control', 'no-store').send(phone))(
      pipe(
        myDevices(request),
        TE.chain(({ devices, etag }) => {
          const phone = devices.phones.find((candidate) => candidate.deviceId === request.params.deviceId.toLowerCase());
          return phone === undefined ? TE.left(problemOf('NOT_FOUND', 'device not found')) : TE.right({ phone, etag });
        }),
      ),
    ),
  );

  api.post('/me/devices', {
    schema: {
      tags,
      summary: 'Enroll a phone, tablet or landline: a first device on the password alone, any other after a step-up',
      headers: deviceChangeHeaders,
      body: enrollmentBody,
      response: { 201: changeResponse, ...changeProblems },
    },
  }, async (request, reply) => {
    const sent = sentFieldsOf(request);
    // The client may choose the id, so that a retry under the same Idempotency-Key is the same command.
    const withId = Object.hasOwn(sent, 'deviceId') ? sent : { ...sent, deviceId: services.newId() };
    const deviceId = String(withId.deviceId).toLowerCase();
    return answer(request, reply, ({ events, etag }: DevicesChanged) =>
      reply.code(201).header('etag', etag).header('location', `${api.prefix}/me/devices/${deviceId}`).send({ events, deviceId }),
    )(changeOwnDevices(services, request, (user) => commandOf('EnrollDevice')(dataOf(withId, { userId: user.actor.userId }))));
  });

  api.patch<DeviceParams>('/me/devices/:deviceId', {
    schema: { tags, summary: 'Rename a phone', headers: deviceChangeHeaders, params: deviceParams, body: renameBody, response: { 200: changeResponse, ...changeProblems } },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => reply.header('etag', etag).send({ events }))(
      changeOwnDevices(services, request, (user) =>
        commandOf('RenameDevice')(dataOf(sentFieldsOf(request), { userId: user.actor.userId, deviceId: request.params.deviceId })),
      ),
    ),
  );

  api.delete<DeviceParams>('/me/devices/:deviceId', {
    schema: { tags, summary: 'Remove a phone (never the last device)', headers: deviceChangeHeaders, params: deviceParams, response: { 200: changeResponse, ...changeProblems } },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => reply.header('etag', etag).send({ events }))(
      changeOwnDevices(services, request, (user) => commandOf('RemoveDevice')(dataOf({}, { userId: user.actor.userId, deviceId: request.params.deviceId }))),
    ),
  );
};
