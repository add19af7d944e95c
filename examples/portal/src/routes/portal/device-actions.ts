import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { LoginAction } from '@ssp/domain';
import { decodeForm } from '../../http/form';
import type { RefusalView } from '../../http/refusals';
import type { PageDependencies } from '../index';
import { devicesPage } from './devices';
import { eventField, sendPortalChange } from './portal-change';

type DeviceParams = { Params: { deviceId: string } };
type TokenParams = { Params: { tokenId: string } };

const RenameForm = t.type({ name: t.string });
const DefaultForm = t.type({ loginAction: LoginAction });

/**
 * The actions of My Settings & Devices: rename, set the default and its login action, remove
 * a phone, remove a hardware token. The device id is the URL's; whether it is the user's is
 * the domain's rule (another user's device is refused, and nothing is appended).
 */
export const deviceActionRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const back = '/portal/devices';
  const refusedOnDevices = (request: FastifyRequest, reply: FastifyReply) => (refusal: RefusalView, status: number) =>
    devicesPage(request, reply, services, { refusal }, status);

  app.post<DeviceParams>('/portal/devices/:deviceId/rename', { preValidation: app.csrfProtection }, async (request, reply) => {
    const form = decodeForm(RenameForm, request.body);
    if (E.isLeft(form)) return devicesPage(request, reply, services, { formError: form.left.message }, 400);
    return sendPortalChange(request, reply, services, {
      type: 'RenameDevice',
      data: { deviceId: request.params.deviceId, name: form.right.name },
      returnTo: back,
      success: (result) => ({ to: back, text: `Renamed to ${eventField(result, 'DeviceRenamed', 'name') ?? form.right.name.trim()}.` }),
      refused: refusedOnDevices(request, reply),
    });
  });

  app.post<DeviceParams>('/portal/devices/:deviceId/default', { preValidation: app.csrfProtection }, async (request, reply) => {
    const form = decodeForm(DefaultForm, request.body);
    if (E.isLeft(form)) return devicesPage(request, reply, services, { formError: form.left.message }, 400);
    return sendPortalChange(request, reply, services, {
      type: 'SetDefaultDevice',
      data: { deviceId: request.params.deviceId, loginAction: form.right.loginAction },
      returnTo: back,
      success: () => ({ to: back, text: 'Default device saved.' }),
      refused: refusedOnDevices(request, reply),
    });
  });

  app.post<DeviceParams>('/portal/devices/:deviceId/remove', { preValidation: app.csrfProtection }, async (request, reply) =>
    sendPortalChange(request, reply, services, {
      type: 'RemoveDevice',
      data: { deviceId: request.params.deviceId },
      returnTo: back,
      success: () => ({ to: back, text: 'Device removed.' }),
      refused: refusedOnDevices(request, reply),
    }),
  );

  app.post<TokenParams>('/portal/tokens/:tokenId/remove', { preValidation: app.csrfProtection }, async (request, reply) =>
    sendPortalChange(request, reply, services, {
      type: 'RemoveHardwareToken',
      data: { tokenId: request.params.tokenId },
      returnTo: back,
      success: (result) => ({ to: back, text: `Hardware token ${eventField(result, 'HardwareTokenRemoved', 'serial') ?? ''} removed.` }),
      refused: refusedOnDevices(request, reply),
    }),
  );
};
