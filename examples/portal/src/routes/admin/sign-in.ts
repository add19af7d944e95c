import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync } from 'fastify';
import { administratorName } from '../../demo/people';
import { decodeForm } from '../../http/form';
import { redirectWithFlash, renderPage } from '../../http/page';
import { storeFailurePage } from '../../http/store-failure';
import type { AccountDirectory } from '../../read-side/account-directory';
import type { PageDependencies } from '../index';

const SignInForm = t.type({ adminId: t.string });

const listed = (accounts: readonly AccountDirectory[]) =>
  accounts.map((account) => ({
    accountId: account.accountId,
    name: account.name,
    administrators: Object.entries(account.administrators).map(([adminId, role]) => ({ adminId, role, name: administratorName(adminId) })),
  }));

/**
 * The demo's sign-in to the Admin Panel: choose an administrator, no password. The page says
 * so. The session is regenerated on sign-in (a fixed session id cannot be planted), keeping a
 * portal sign-in the same browser may hold.
 */
export const adminSignInRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services, rateLimit }) => {
  const page = async (request: Parameters<typeof renderPage>[0], reply: Parameters<typeof renderPage>[1], status = 200, formError?: string) => {
    const accounts = await services.queries.accounts()();
    if (E.isLeft(accounts)) return storeFailurePage(request, reply, accounts.left);
    return renderPage(request, reply, 'admin/sign-in', { title: 'Admin Panel sign-in', accounts: listed(accounts.right), formError }, status);
  };

  app.get('/admin/sign-in', async (request, reply) => page(request, reply));

  app.post(
    '/admin/sign-in',
    { preValidation: app.csrfProtection, config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } } },
    async (request, reply) => {
      const form = decodeForm(SignInForm, request.body);
      if (E.isLeft(form)) return page(request, reply, 400, form.left.message);
      const accounts = await services.queries.accounts()();
      if (E.isLeft(accounts)) return storeFailurePage(request, reply, accounts.left);
      const account = accounts.right.find((candidate) => candidate.administrators[form.right.adminId] !== undefined);
      if (account === undefined) return page(request, reply, 400, 'adminId is not an administrator of any account');
      await request.session.regenerate(['portal']);
      request.session.admin = { adminId: form.right.adminId, accountId: account.accountId };
      return redirectWithFlash(request, reply, '/admin/applications', { kind: 'success', text: `Signed in as ${administratorName(form.right.adminId)}.` });
    },
  );

  app.post('/admin/sign-out', { preValidation: app.csrfProtection }, async (request, reply) => {
    request.session.admin = undefined;
    return redirectWithFlash(request, reply, '/admin/sign-in', { kind: 'success', text: 'Signed out of the Admin Panel.' });
  });

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/applications', 303));
};
