import * as E from 'fp-ts/Either';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TimelineSubject } from '@ssp/projections';
import { auditSubject } from '../../audit/subject-audit';
import type { AdminContext } from '../../http/admin-context';
import { withAdmin } from '../../http/admin-route';
import { renderPage } from '../../http/page';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

type UserParams = { Params: { userId: string } };
type ApplicationParams = { Params: { applicationId: string } };

/**
 * Audit pages for administrators: per user and per application, the timeline (with names),
 * the step-up compliance of the device changes, and the hash chains' verification. They
 * replay history with the auditor's functions, as `ssp audit` does, rather than read a model.
 */
export const auditRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const subjectPage = async (request: FastifyRequest, reply: FastifyReply, context: AdminContext, subject: TimelineSubject, name: string) => {
    const history = await services.history()();
    if (E.isLeft(history)) return storeFailurePage(request, reply, history.left);
    const audit = auditSubject(history.right, subject, services.policy);
    return renderPage(request, reply, 'audit/subject', { title: `Audit of ${name}`, context, section: 'audit', name, subjectKind: subject.kind, audit });
  };

  app.get('/admin/audit', async (request, reply) =>
    withAdmin(request, reply, services, async (context) => {
      const settings = await services.queries.applicationSettingsOf(context.admin.accountId)();
      if (E.isLeft(settings)) return storeFailurePage(request, reply, settings.left);
      return renderPage(request, reply, 'audit/index', { title: 'Audit', context, section: 'audit', users: context.account.users, applications: settings.right?.applications ?? [] });
    }),
  );

  app.get<UserParams>('/admin/audit/users/:userId', async (request, reply) =>
    withAdmin(request, reply, services, async (context) => {
      const user = context.account.users.find((candidate) => candidate.userId === request.params.userId);
      if (user === undefined) return reply.callNotFound();
      return subjectPage(request, reply, context, { kind: 'user', userId: user.userId }, user.username);
    }),
  );

  app.get<ApplicationParams>('/admin/audit/applications/:applicationId', async (request, reply) =>
    withAdmin(request, reply, services, async (context) => {
      const settings = await services.queries.applicationSettingsOf(context.admin.accountId)();
      if (E.isLeft(settings)) return storeFailurePage(request, reply, settings.left);
      const application = settings.right?.applications.find((candidate) => candidate.applicationId === request.params.applicationId);
      if (application === undefined) return reply.callNotFound();
      return subjectPage(request, reply, context, { kind: 'application', applicationId: application.applicationId }, application.name);
    }),
  );
};
