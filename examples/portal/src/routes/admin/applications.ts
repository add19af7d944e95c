import * as E from 'fp-ts/Either';
import type { FastifyPluginAsync } from 'fastify';
import { adminContextOf, toAdminSignIn } from '../../http/admin-context';
import { renderPage } from '../../http/page';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

/** Applications, in the Admin Panel's sidebar: the account's applications and their self-service state. */
export const adminApplicationsRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  app.get('/admin/applications', async (request, reply) => {
    const context = await adminContextOf(request, services);
    if (E.isLeft(context)) return context.left.kind === 'store' ? storeFailurePage(request, reply, context.left.error) : toAdminSignIn(reply);
    const settings = await services.queries.applicationSettingsOf(context.right.admin.accountId)();
    if (E.isLeft(settings)) return storeFailurePage(request, reply, settings.left);
    return renderPage(request, reply, 'admin/applications', {
      title: 'Applications',
      context: context.right,
      section: 'applications',
      applications: settings.right?.applications ?? [],
    });
  });
};
