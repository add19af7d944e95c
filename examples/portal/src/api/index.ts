/**
 * The portal's JSON API: the commands and views of the pages, for a team that puts its own
 * front end on them. Register it in the app, after the security plugins (it reads the same
 * session cookie as the pages, through @fastify/session), with the services and the prefix:
 *
 * ```ts
 * import { apiRoutes } from './api';
 * await app.register(apiRoutes, { prefix: '/api', services, authenticator });
 * ```
 *
 * `authenticator` (optional) is the app's simulated authenticator: with it, a step-up begun
 * through the API reaches the simulated phone, a passcode typed by the client is checked, and
 * an activation issued through the API gets a code the phone can scan. A deployment whose
 * authenticator is a service of its own leaves it out. `allowedOrigins` names front ends on
 * other origins that may write (see write-guard.ts).
 *
 * Everything is encapsulated: the API's error handler, not-found handler, hooks and its
 * OpenAPI document (`GET /api/openapi.json`) apply to its routes only. Errors are RFC 9457
 * problem details; status-table.ts holds the one table from codes to statuses.
 */
import swagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import type { SimulatedAuthenticator } from '../authenticator/simulated-authenticator';
import type { PortalServices } from '../services';
import { apiErrorHandler, apiNotFoundHandler } from './errors';
import { openApiOptions, registerOpenApiRoute } from './openapi';
import { registerAdminAccountRoutes } from './routes/admin-account';
import { applicationSchema, registerAdminApplicationRoutes } from './routes/admin-applications';
import { registerAdminUserRoutes } from './routes/admin-users';
import { registerMyDeviceSettingsRoutes } from './routes/my-device-settings';
import { registerMyDevicesRoutes } from './routes/my-devices';
import { registerStepUpRoutes } from './routes/step-up';
import { changeResultSchema, problemSchema } from './schemas/common';
import { devicesSchema, hardwareTokenSchema, phoneSchema } from './schemas/devices';
import { rememberSentBody } from './sent-body';
import { guardWrites, type WriteGuardOptions } from './write-guard';

export type ApiOptions = WriteGuardOptions &
  Readonly<{
    services: PortalServices;
    authenticator?: SimulatedAuthenticator;
  }>;

export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (api, options) => {
  const { services } = options;
  // First, so that it sees every route registered after it in this context.
  await api.register(swagger, openApiOptions);
  for (const schema of [problemSchema, changeResultSchema, phoneSchema, hardwareTokenSchema, devicesSchema, applicationSchema]) api.addSchema(schema);

  api.addHook('onRequest', guardWrites(options));
  api.addHook('preValidation', rememberSentBody);
  api.setErrorHandler(apiErrorHandler);
  api.setNotFoundHandler(apiNotFoundHandler);

  registerMyDevicesRoutes(api, services);
  registerMyDeviceSettingsRoutes(api, services, options.authenticator);
  registerStepUpRoutes(api, services, options.authenticator);
  registerAdminApplicationRoutes(api, services);
  registerAdminUserRoutes(api, services);
  registerAdminAccountRoutes(api, services);
  registerOpenApiRoute(api);
};

export default apiRoutes;
