import * as E from 'fp-ts/Either';
import type { FastifyPluginAsync } from 'fastify';
import { portalActor, toPortalSignIn } from '../../http/portal-context';
import { redirectWithFlash, renderPage } from '../../http/page';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

/**
 * The prompt after primary authentication: where self-service is in effect, the links Add a
 * New Device and My Settings & Devices. Signing out ends the portal session in the domain.
 */
export const portalHomeRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  app.get('/portal', async (request, reply) => {
    const portal = request.session.portal;
    if (portal === undefined) return toPortalSignIn(request, reply);
    const found = await services.queries.findApplication(portal.applicationId)();
    if (E.isLeft(found)) return storeFailurePage(request, reply, found.left);
    if (found.right === undefined) return toPortalSignIn(request, reply);
    return renderPage(request, reply, 'portal/home', { title: found.right.application.name, portal, application: found.right.application });
  });

  app.post('/portal/sign-out', { preValidation: app.csrfProtection }, async (request, reply) => {
    const portal = request.session.portal;
    if (portal !== undefined) {
      const ended = await services.execute({ type: 'EndPortalSession', actor: portalActor(portal), data: { sessionId: portal.sessionId } });
      if (!ended.ok) request.log.warn({ code: ended.error.code }, 'the portal session could not be ended');
    }
    request.session.portal = undefined;
    request.session.returnTo = undefined;
    return redirectWithFlash(request, reply, '/', { kind: 'success', text: 'Signed out of the portal.' });
  });
};
