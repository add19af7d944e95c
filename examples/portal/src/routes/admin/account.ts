import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { editions } from '@ssp/domain';
import { administratorName } from '../../demo/people';
import type { AdminContext } from '../../http/admin-context';
import { sendAdminChange, withAdmin } from '../../http/admin-route';
import { checkbox, decodeForm } from '../../http/form';
import { renderPage } from '../../http/page';
import type { RefusalView } from '../../http/refusals';
import type { PageDependencies } from '../index';

const EditionForm = t.type({ edition: t.string });
const EnrollmentForm = t.type({ newEnrollment: checkbox });

/**
 * Account settings: the edition (an owner's change) and new enrollment. Both bear on whether
 * self-service is in effect; the Applications page shows the consequence (suspended, and why).
 */
export const adminAccountRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const page = (request: FastifyRequest, reply: FastifyReply, context: AdminContext, extra: Readonly<{ refusal?: RefusalView; formError?: string }> = {}, status = 200) =>
    renderPage(
      request,
      reply,
      'admin/account',
      {
        title: 'Account settings',
        context,
        section: 'account',
        editions,
        administrators: Object.entries(context.account.administrators).map(([adminId, role]) => ({ name: administratorName(adminId), role })),
        ...extra,
      },
      status,
    );

  app.get('/admin/account', async (request, reply) => withAdmin(request, reply, services, (context) => page(request, reply, context)));

  app.post('/admin/account/edition', { preValidation: app.csrfProtection }, async (request, reply) =>
    withAdmin(request, reply, services, async (context) => {
      const form = decodeForm(EditionForm, request.body);
      if (E.isLeft(form)) return page(request, reply, context, { formError: form.left.message }, 400);
      return sendAdminChange(request, reply, services, context, {
        type: 'ChangeEdition',
        data: { accountId: context.admin.accountId, edition: form.right.edition },
        success: { to: '/admin/account', text: 'Edition saved.' },
        refused: (refusal, status) => page(request, reply, context, { refusal }, status),
      });
    }),
  );

  app.post('/admin/account/new-enrollment', { preValidation: app.csrfProtection }, async (request, reply) =>
    withAdmin(request, reply, services, async (context) => {
      const form = decodeForm(EnrollmentForm, request.body);
      if (E.isLeft(form)) return page(request, reply, context, { formError: form.left.message }, 400);
      return sendAdminChange(request, reply, services, context, {
        type: form.right.newEnrollment === 'on' ? 'EnableNewEnrollment' : 'DisableNewEnrollment',
        data: { accountId: context.admin.accountId },
        success: { to: '/admin/account', text: 'New enrollment saved.' },
        refused: (refusal, status) => page(request, reply, context, { refusal }, status),
      });
    }),
  );
};
