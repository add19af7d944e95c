import type { AppendedEvent } from '@ssp/commands';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatedAuthenticator } from '../../authenticator/simulated-authenticator';
import type { PortalServices } from '../../services';
import { answer, dataOf } from '../command';
import type { DevicesChanged } from '../devices-access';
import { changeOwnDevices, commandOf } from '../own-devices';
import { deviceChangeHeaders, problems } from '../schemas/common';
import { activateBody, activationBody, defaultDeviceBody, deviceParams, tokenParams } from '../schemas/devices';
import { sentFieldsOf } from '../sent-body';
import { myDevicesTag } from './my-devices';

type DeviceParams = { Params: { deviceId: string } };
type TokenParams = { Params: { tokenId: string } };

const tags = [myDevicesTag];
const changeResponse = { description: 'the events appended; ETag names the new version of the devices', $ref: 'ChangeResult#' };
const changeProblems = problems(400, 403, 404, 409, 412, 415, 422, 428);

/** The expiry the domain gave an activation, read from the event it appended (absent on a retry that appended nothing). */
const expiryOf = (events: readonly AppendedEvent[]): Readonly<{ expiresAt?: string }> => {
  const issued = events.find((event) => event.type === 'DuoMobileActivationIssued')?.data.expiresAt;
  return typeof issued === 'string' ? { expiresAt: issued } : {};
};

/** "My Settings & Devices", continued: Duo Mobile activation, the default device, hardware tokens. */
export const registerMyDeviceSettingsRoutes = (api: FastifyInstance, services: PortalServices, authenticator: SimulatedAuthenticator | undefined): void => {
  /** The code the simulated phone scans, when the app has one: it stands for the activation id. */
  const scannableCode = (request: FastifyRequest, deviceId: string, activationId: string): Readonly<{ activationCode?: string }> => {
    const user = request.session.portal;
    if (authenticator === undefined || user === undefined) return {};
    const known = authenticator.activations.byActivationId(activationId);
    const issued = known ?? authenticator.activations.issued({ activationId, userId: user.userId, sessionId: user.sessionId, deviceId });
    return { activationCode: issued.code };
  };

  api.post<DeviceParams>('/me/devices/:deviceId/activations', {
    schema: {
      tags,
      summary: 'Issue a Duo Mobile activation code for a phone or tablet (show it as a QR code; the phone activates with it)',
      headers: deviceChangeHeaders,
      params: deviceParams,
      body: activationBody,
      response: { 201: changeResponse, ...changeProblems },
    },
  }, async (request, reply) => {
    const sent = sentFieldsOf(request);
    const withId = Object.hasOwn(sent, 'activationId') ? sent : { ...sent, activationId: services.newId() };
    const activationId = String(withId.activationId).toLowerCase();
    const deviceId = request.params.deviceId.toLowerCase();
    return answer(request, reply, ({ events, etag }: DevicesChanged) =>
      reply.code(201).header('etag', etag).send({ events, deviceId, activationId, ...expiryOf(events), ...scannableCode(request, deviceId, activationId) }),
    )(changeOwnDevices(services, request, (user) => commandOf('IssueDuoMobileActivation')(dataOf(withId, { userId: user.actor.userId, deviceId: request.params.deviceId }))));
  });

  api.post<DeviceParams>('/me/devices/:deviceId/activate', {
    schema: {
      tags,
      summary: 'Activate Duo Mobile on a phone with the activation code it scanned',
      headers: deviceChangeHeaders,
      params: deviceParams,
      body: activateBody,
      response: { 200: changeResponse, ...changeProblems },
    },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => reply.header('etag', etag).send({ events }))(
      changeOwnDevices(services, request, (user) =>
        commandOf('ActivateDuoMobile')(dataOf(sentFieldsOf(request), { userId: user.actor.userId, deviceId: request.params.deviceId })),
      ),
    ),
  );

  api.put('/me/default-device', {
    schema: {
      tags,
      summary: 'Make a phone the default device, with its login action (ASK, PUSH or CALL)',
      headers: deviceChangeHeaders,
      body: defaultDeviceBody,
      response: { 200: changeResponse, ...changeProblems },
    },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => reply.header('etag', etag).send({ events }))(
      changeOwnDevices(services, request, (user) => commandOf('SetDefaultDevice')(dataOf(sentFieldsOf(request), { userId: user.actor.userId }))),
    ),
  );

  api.delete<TokenParams>('/me/hardware-tokens/:tokenId', {
    schema: {
      tags,
      summary: 'Remove one of the signed-in user\'s hardware tokens (never the last device)',
      headers: deviceChangeHeaders,
      params: tokenParams,
      response: { 200: changeResponse, ...changeProblems },
    },
  }, async (request, reply) =>
    answer(request, reply, ({ events, etag }: DevicesChanged) => reply.header('etag', etag).send({ events }))(
      changeOwnDevices(services, request, (user) => commandOf('RemoveHardwareToken')(dataOf({}, { userId: user.actor.userId, tokenId: request.params.tokenId }))),
    ),
  );
};
