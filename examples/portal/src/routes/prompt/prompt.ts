import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { demoPasswordOf, passwordMatches } from '../../demo/passwords';
import { decodeForm } from '../../http/form';
import { redirectWithFlash, renderPage } from '../../http/page';
import { refusalStatus, refusalView, type RefusalView } from '../../http/refusals';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

type Params = { Params: { applicationId: string } };

const SignInForm = t.type({ username: t.string, password: t.string });

type Extra = Readonly<{ formError?: string; refusal?: RefusalView; wrongPassword?: boolean; username?: string }>;

/**
 * An application's authentication prompt: primary authentication with the demo password, then
 * `StartPortalSession`. The domain starts the session only while self-service is in effect
 * for the application; otherwise the prompt says why, and no portal is offered.
 */
export const promptRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services, rateLimit }) => {
  const page = async (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}, status = 200) => {
    const found = await services.queries.findApplication(request.params.applicationId)();
    if (E.isLeft(found)) return storeFailurePage(request, reply, found.left);
    if (found.right === undefined) return reply.callNotFound();
    const account = await services.queries.accountOf(found.right.settings.accountId)();
    if (E.isLeft(account)) return storeFailurePage(request, reply, account.left);
    const demoUsers = (account.right?.users ?? []).map((user) => ({ username: user.username, password: demoPasswordOf(user.username) }));
    return renderPage(request, reply, 'prompt/sign-in', { title: `Sign in to ${found.right.application.name}`, application: found.right.application, demoUsers, ...extra }, status);
  };

  app.get<Params>('/prompt/:applicationId', async (request, reply) => page(request, reply));

  app.post<Params>(
    '/prompt/:applicationId',
    { preValidation: app.csrfProtection, config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } } },
    async (request, reply) => {
      const form = decodeForm(SignInForm, request.body);
      if (E.isLeft(form)) return page(request, reply, { formError: form.left.message }, 400);
      const found = await services.queries.findApplication(request.params.applicationId)();
      if (E.isLeft(found)) return storeFailurePage(request, reply, found.left);
      if (found.right === undefined) return reply.callNotFound();
      const { settings, application } = found.right;
      const account = await services.queries.accountOf(settings.accountId)();
      if (E.isLeft(account)) return storeFailurePage(request, reply, account.left);
      const user = account.right?.users.find((candidate) => candidate.username === form.right.username.trim());
      // One answer for an unknown user and a wrong password: the prompt does not tell which usernames exist.
      if (user === undefined || !passwordMatches(user.username, form.right.password)) return page(request, reply, { wrongPassword: true }, 401);

      const sessionId = services.newId();
      const started = await services.execute({
        type: 'StartPortalSession',
        actor: { kind: 'user', userId: user.userId },
        data: { sessionId, userId: user.userId, applicationId: application.applicationId },
      });
      if (!started.ok) return page(request, reply, { refusal: refusalView(started.error), username: user.username }, refusalStatus(started.error.code));
      await request.session.regenerate(['admin']);
      request.session.portal = { userId: user.userId, username: user.username, sessionId, applicationId: application.applicationId, accountId: settings.accountId };
      return redirectWithFlash(request, reply, '/portal', { kind: 'success', text: `Signed in to ${application.name} as ${user.username}.` });
    },
  );
};
