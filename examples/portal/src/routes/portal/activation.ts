import * as E from 'fp-ts/Either';
import type { FastifyPluginAsync } from 'fastify';
import QRCode from 'qrcode';
import { renderPage } from '../../http/page';
import { toPortalSignIn, toStepUp, verifiedPortalOf } from '../../http/portal-context';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';
import { devicesPage } from './devices';
import { eventField, sendPortalChange } from './portal-change';

type DeviceParams = { Params: { deviceId: string } };
type ActivationParams = { Params: { activationId: string } };

/**
 * Activate Duo Mobile: the domain issues the activation (`IssueDuoMobileActivation`, with an
 * id from the server), and the page shows its code and a QR code of it (a data: URL, which
 * the CSP allows for images). The simulated phone "scans" it by typing the code.
 */
export const activationRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services, authenticator }) => {
  app.post<DeviceParams>('/portal/devices/:deviceId/activation', { preValidation: app.csrfProtection }, async (request, reply) => {
    const portal = request.session.portal;
    const activationId = services.newId();
    return sendPortalChange(request, reply, services, {
      type: 'IssueDuoMobileActivation',
      data: { deviceId: request.params.deviceId, activationId },
      returnTo: '/portal/devices',
      success: (result) => {
        if (portal !== undefined) authenticator.activations.issued({ activationId, userId: portal.userId, sessionId: portal.sessionId, deviceId: request.params.deviceId });
        return { to: `/portal/activations/${activationId}`, text: `Activation issued; it expires at ${eventField(result, 'DuoMobileActivationIssued', 'expiresAt') ?? 'its expiry'}.` };
      },
      refused: (refusal, status) => devicesPage(request, reply, services, { refusal }, status),
    });
  });

  app.get<ActivationParams>('/portal/activations/:activationId', async (request, reply) => {
    const verified = await verifiedPortalOf(request, services);
    if (E.isLeft(verified)) {
      if (verified.left.kind === 'store') return storeFailurePage(request, reply, verified.left.error);
      return verified.left.kind === 'signed-out' ? toPortalSignIn(request, reply) : toStepUp(request, reply, '/portal/devices');
    }
    const activation = authenticator.activations.byActivationId(request.params.activationId);
    if (activation === undefined || activation.userId !== verified.right.portal.userId) return reply.callNotFound();
    const devices = await services.queries.devicesOf(activation.userId)();
    if (E.isLeft(devices)) return storeFailurePage(request, reply, devices.left);
    const phone = devices.right?.phones.find((candidate) => candidate.deviceId === activation.deviceId);
    const qrCode = await QRCode.toDataURL(`duo-simulated://activate?code=${encodeURIComponent(activation.code)}`, { margin: 1, width: 240 });
    return renderPage(request, reply, 'portal/activation', { title: 'Activate Duo Mobile', activation, phone, qrCode });
  });
};
