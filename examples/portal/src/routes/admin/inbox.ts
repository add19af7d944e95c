import type { FastifyPluginAsync } from 'fastify';
import { withAdmin } from '../../http/admin-route';
import { renderPage } from '../../http/page';
import { noticeView } from '../../notifications/notice-view';
import type { PageDependencies } from '../index';

/** The signed-in administrator's security notices: only their own, whoever asks. */
export const adminInboxRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  app.get('/admin/inbox', async (request, reply) =>
    withAdmin(request, reply, services, (context) =>
      renderPage(request, reply, 'admin/inbox', {
        title: 'Inbox',
        context,
        section: 'inbox',
        notices: services.notices.toAdministrator(context.admin.adminId).map(noticeView),
      }),
    ),
  );
};
