import * as E from 'fp-ts/Either';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { loginActions } from '../../http/choices';
import { renderPage } from '../../http/page';
import { toPortalSignIn, toStepUp, verifiedPortalOf } from '../../http/portal-context';
import type { RefusalView } from '../../http/refusals';
import { storeFailurePage } from '../../http/store-failure';
import type { PortalServices } from '../../services';
import type { PageDependencies } from '../index';

export type DevicesExtra = Readonly<{ refusal?: RefusalView; formError?: string }>;

/**
 * Renders My Settings & Devices, behind the gate: nothing of it is read, let alone shown,
 * until the domain's portal session holds a completed step-up.
 */
export const devicesPage = async (request: FastifyRequest, reply: FastifyReply, services: PortalServices, extra: DevicesExtra = {}, status = 200) => {
  const verified = await verifiedPortalOf(request, services);
  if (E.isLeft(verified)) {
    if (verified.left.kind === 'store') return storeFailurePage(request, reply, verified.left.error);
    if (verified.left.kind === 'signed-out') return toPortalSignIn(request, reply);
    return toStepUp(request, reply, '/portal/devices');
  }
  const devices = await services.queries.devicesOf(verified.right.portal.userId)();
  if (E.isLeft(devices)) return storeFailurePage(request, reply, devices.left);
  return renderPage(
    request,
    reply,
    'portal/devices',
    { title: 'My Settings & Devices', devices: devices.right, stepUp: verified.right.session.completedStepUp, loginActions, ...extra },
    status,
  );
};

export const devicesRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  app.get('/portal/devices', async (request, reply) => devicesPage(request, reply, services));
};
