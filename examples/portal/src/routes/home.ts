import * as E from 'fp-ts/Either';
import type { FastifyPluginAsync } from 'fastify';
import { renderPage } from '../http/page';
import { storeFailurePage } from '../http/store-failure';
import type { PageDependencies } from './index';

/** The start page: the Admin Panel, and each application's authentication prompt. */
export const homeRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  app.get('/', async (request, reply) => {
    const accounts = await services.queries.accounts()();
    if (E.isLeft(accounts)) return storeFailurePage(request, reply, accounts.left);
    const withApplications = [];
    for (const account of accounts.right) {
      const settings = await services.queries.applicationSettingsOf(account.accountId)();
      if (E.isLeft(settings)) return storeFailurePage(request, reply, settings.left);
      withApplications.push({ account, applications: settings.right?.applications ?? [] });
    }
    return renderPage(request, reply, 'home', { title: 'Start', accounts: withApplications });
  });
};
