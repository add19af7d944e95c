import type { FastifyInstance } from 'fastify';
import type { SimulatedAuthenticator } from '../authenticator/simulated-authenticator';
import type { PortalServices } from '../services';
import { adminAccountRoutes } from './admin/account';
import { adminApplicationRoutes } from './admin/application';
import { adminApplicationsRoutes } from './admin/applications';
import { adminInboxRoutes } from './admin/inbox';
import { adminSignInRoutes } from './admin/sign-in';
import { adminUserRoutes } from './admin/user';
import { adminUsersRoutes } from './admin/users';
import { auditRoutes } from './audit/audit';
import { homeRoutes } from './home';
import { phoneRoutes } from './phone/phone';
import { activationRoutes } from './portal/activation';
import { addDeviceRoutes } from './portal/add-device';
import { deviceActionRoutes } from './portal/device-actions';
import { devicesRoutes } from './portal/devices';
import { portalHomeRoutes } from './portal/portal-home';
import { stepUpRoutes } from './portal/step-up';
import { promptRoutes } from './prompt/prompt';

export type RateLimit = Readonly<{ max: number; timeWindowMs: number }>;

/** What every page module is given. */
export type PageDependencies = Readonly<{ services: PortalServices; authenticator: SimulatedAuthenticator; rateLimit: RateLimit }>;

/** One module per screen. */
export const registerPages = async (app: FastifyInstance, dependencies: PageDependencies): Promise<void> => {
  for (const routes of [
    homeRoutes,
    adminSignInRoutes,
    adminApplicationsRoutes,
    adminApplicationRoutes,
    adminUsersRoutes,
    adminUserRoutes,
    adminAccountRoutes,
    adminInboxRoutes,
    auditRoutes,
    promptRoutes,
    portalHomeRoutes,
    addDeviceRoutes,
    stepUpRoutes,
    devicesRoutes,
    deviceActionRoutes,
    activationRoutes,
    phoneRoutes,
  ]) {
    await app.register(routes, dependencies);
  }
};
