import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AdminContext } from '../../http/admin-context';
import { sendAdminChange, withAdmin } from '../../http/admin-route';
import { decodeForm } from '../../http/form';
import { renderPage } from '../../http/page';
import type { RefusalView } from '../../http/refusals';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

const RegisterForm = t.type({ username: t.string });

/** Users of the account with how many devices each has, and registering a new user. */
export const adminUsersRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const page = async (request: FastifyRequest, reply: FastifyReply, context: AdminContext, extra: Readonly<{ refusal?: RefusalView; formError?: string }> = {}, status = 200) => {
    const users = [];
    for (const user of context.account.users) {
      const devices = await services.queries.devicesOf(user.userId)();
      if (E.isLeft(devices)) return storeFailurePage(request, reply, devices.left);
      users.push({ ...user, phones: devices.right?.phones.length ?? 0, tokens: devices.right?.hardwareTokens.length ?? 0 });
    }
    return renderPage(request, reply, 'admin/users', { title: 'Users', context, section: 'users', users, ...extra }, status);
  };

  app.get('/admin/users', async (request, reply) => withAdmin(request, reply, services, (context) => page(request, reply, context)));

  app.post('/admin/users', { preValidation: app.csrfProtection }, async (request, reply) =>
    withAdmin(request, reply, services, async (context) => {
      const form = decodeForm(RegisterForm, request.body);
      if (E.isLeft(form)) return page(request, reply, context, { formError: form.left.message }, 400);
      return sendAdminChange(request, reply, services, context, {
        type: 'RegisterUser',
        data: { accountId: context.admin.accountId, userId: services.newId(), username: form.right.username },
        success: { to: '/admin/users', text: `Registered ${form.right.username.trim()}.` },
        refused: (refusal, status) => page(request, reply, context, { refusal }, status),
      });
    }),
  );
};
