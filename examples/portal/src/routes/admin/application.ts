import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { typeSupportsSelfService } from '@ssp/domain';
import { adminContextOf, toAdminSignIn, type AdminContext } from '../../http/admin-context';
import { checkbox, decodeForm } from '../../http/form';
import { redirectWithFlash, renderPage } from '../../http/page';
import { refusalStatus, refusalView, type RefusalView } from '../../http/refusals';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

type Params = { Params: { applicationId: string } };

const SettingsForm = t.type({ selfService: checkbox });

type Extra = Readonly<{ refusal?: RefusalView; formError?: string }>;

/**
 * An application's properties page. Under Settings, the box "Let users manage their devices"
 * and Save Changes send `EnableSelfService` or `DisableSelfService`; the domain decides, and a
 * refusal shows its reason (role, edition, application type, new enrollment). The status
 * shown (in effect, suspended and why, off) is the read model's, computed by the domain's rule.
 */
export const adminApplicationRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const page = async (request: FastifyRequest<Params>, reply: FastifyReply, context: AdminContext, extra: Extra = {}, status = 200) => {
    const settings = await services.queries.applicationSettingsOf(context.admin.accountId)();
    if (E.isLeft(settings)) return storeFailurePage(request, reply, settings.left);
    const application = settings.right?.applications.find((candidate) => candidate.applicationId === request.params.applicationId);
    if (settings.right === undefined || application === undefined) return reply.callNotFound();
    return renderPage(
      request,
      reply,
      'admin/application',
      {
        title: application.name,
        context,
        section: 'applications',
        settings: settings.right,
        application,
        typeHasPrompt: typeSupportsSelfService(application.applicationType),
        ...extra,
      },
      status,
    );
  };

  app.get<Params>('/admin/applications/:applicationId', async (request, reply) => {
    const context = await adminContextOf(request, services);
    if (E.isLeft(context)) return context.left.kind === 'store' ? storeFailurePage(request, reply, context.left.error) : toAdminSignIn(reply);
    return page(request, reply, context.right);
  });

  app.post<Params>('/admin/applications/:applicationId/settings', { preValidation: app.csrfProtection }, async (request, reply) => {
    const context = await adminContextOf(request, services);
    if (E.isLeft(context)) return context.left.kind === 'store' ? storeFailurePage(request, reply, context.left.error) : toAdminSignIn(reply);
    const form = decodeForm(SettingsForm, request.body);
    if (E.isLeft(form)) return page(request, reply, context.right, { formError: form.left.message }, 400);
    const result = await services.execute({
      type: form.right.selfService === 'on' ? 'EnableSelfService' : 'DisableSelfService',
      actor: { kind: 'admin', adminId: context.right.admin.adminId },
      data: { applicationId: request.params.applicationId },
    });
    if (!result.ok) return page(request, reply, context.right, { refusal: refusalView(result.error) }, refusalStatus(result.error.code));
    return redirectWithFlash(request, reply, `/admin/applications/${request.params.applicationId}`, { kind: 'success', text: 'Changes saved.' });
  });
};
