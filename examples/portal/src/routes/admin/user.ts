import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AdminContext } from '../../http/admin-context';
import { sendAdminChange, withAdmin, type AdminChange } from '../../http/admin-route';
import { countries, phoneKinds, platforms, tokenTypes, withCountryCode } from '../../http/choices';
import { decodeForm } from '../../http/form';
import { renderPage } from '../../http/page';
import type { RefusalView } from '../../http/refusals';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';

type UserParams = { Params: { userId: string } };
type DeviceParams = { Params: { userId: string; deviceId: string } };

const TokenForm = t.type({ serial: t.string, tokenType: t.string });
const EnrollForm = t.type({ kind: t.string, platform: t.string, country: t.string, phoneNumber: t.string, name: t.string });

type Extra = Readonly<{ refusal?: RefusalView; formError?: string }>;

/**
 * A user's devices in the Admin Panel: assign and remove hardware tokens, enroll and remove
 * phones. The user must be of the administrator's account (another account's user is not
 * found); what the administrator may do is the domain's to judge on their recorded role.
 */
export const adminUserRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const page = async (request: FastifyRequest<UserParams>, reply: FastifyReply, context: AdminContext, extra: Extra = {}, status = 200) => {
    const user = context.account.users.find((candidate) => candidate.userId === request.params.userId);
    if (user === undefined) return reply.callNotFound();
    const devices = await services.queries.devicesOf(user.userId)();
    if (E.isLeft(devices)) return storeFailurePage(request, reply, devices.left);
    return renderPage(
      request,
      reply,
      'admin/user',
      { title: user.username, context, section: 'users', user, devices: devices.right, tokenTypes, phoneKinds, platforms, countries, ...extra },
      status,
    );
  };

  /** A change to one of the account's users (anyone else's id is not found here); `build` answers the command, or why the form is malformed. */
  const change = (request: FastifyRequest<UserParams>, reply: FastifyReply, build: () => Omit<AdminChange, 'refused' | 'success'> | string, text: string) =>
    withAdmin(request, reply, services, async (context) => {
      if (!context.account.users.some((user) => user.userId === request.params.userId)) return reply.callNotFound();
      const built = build();
      if (typeof built === 'string') return page(request, reply, context, { formError: built }, 400);
      return sendAdminChange(request, reply, services, context, {
        ...built,
        success: { to: `/admin/users/${request.params.userId}`, text },
        refused: (refusal, status) => page(request, reply, context, { refusal }, status),
      });
    });

  app.get<UserParams>('/admin/users/:userId', async (request, reply) => withAdmin(request, reply, services, (context) => page(request, reply, context)));

  app.post<UserParams>('/admin/users/:userId/tokens', { preValidation: app.csrfProtection }, async (request, reply) => {
    const form = decodeForm(TokenForm, request.body);
    return change(request, reply, () =>
      E.isLeft(form) ? form.left.message : { type: 'AssignHardwareToken', data: { userId: request.params.userId, tokenId: services.newId(), ...form.right } },
      'Hardware token assigned.');
  });

  app.post<DeviceParams>('/admin/users/:userId/tokens/:deviceId/remove', { preValidation: app.csrfProtection }, async (request, reply) =>
    change(request, reply, () => ({ type: 'RemoveHardwareToken', data: { userId: request.params.userId, tokenId: request.params.deviceId } }), 'Hardware token removed.'),
  );

  app.post<UserParams>('/admin/users/:userId/phones', { preValidation: app.csrfProtection }, async (request, reply) => {
    const form = decodeForm(EnrollForm, request.body);
    return change(request, reply, () => {
      if (E.isLeft(form)) return form.left.message;
      const { kind, platform, country, phoneNumber, name } = form.right;
      return {
        type: 'EnrollDevice',
        data: {
          userId: request.params.userId,
          deviceId: services.newId(),
          kind,
          ...(platform === '' ? {} : { platform }),
          ...(phoneNumber.trim() === '' ? {} : { phoneNumber: withCountryCode(country, phoneNumber) }),
          ...(name.trim() === '' ? {} : { name }),
        },
      };
    }, 'Phone enrolled.');
  });

  app.post<DeviceParams>('/admin/users/:userId/phones/:deviceId/remove', { preValidation: app.csrfProtection }, async (request, reply) =>
    change(request, reply, () => ({ type: 'RemoveDevice', data: { userId: request.params.userId, deviceId: request.params.deviceId } }), 'Phone removed.'),
  );
};
