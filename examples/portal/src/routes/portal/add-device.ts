import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { countries, phoneKinds, platforms, withCountryCode } from '../../http/choices';
import { decodeForm } from '../../http/form';
import { renderPage } from '../../http/page';
import { toPortalSignIn } from '../../http/portal-context';
import type { RefusalView } from '../../http/refusals';
import type { PageDependencies } from '../index';
import { eventField, sendPortalChange } from './portal-change';

const AddDeviceForm = t.type({
  kind: t.string,
  platform: t.string,
  country: t.string,
  phoneNumber: t.string,
  extension: t.string,
  name: t.string,
});
type AddDeviceForm = t.TypeOf<typeof AddDeviceForm>;

/** The enrollment's data from the form: an empty field is a field not given. */
const enrollmentData = (form: AddDeviceForm, deviceId: string): Readonly<Record<string, unknown>> => ({
  deviceId,
  kind: form.kind,
  ...(form.platform === '' ? {} : { platform: form.platform }),
  ...(form.phoneNumber.trim() === '' ? {} : { phoneNumber: withCountryCode(form.country, form.phoneNumber) }),
  ...(form.extension.trim() === '' ? {} : { extension: form.extension.trim() }),
  ...(form.name.trim() === '' ? {} : { name: form.name }),
});

/**
 * Add a New Device: a first device is enrolled on the password alone (the domain's first-device
 * rule, recorded as such); any later one needs a completed step-up, which the domain asks for
 * (STEP_UP_REQUIRED) and the page then runs before coming back here.
 */
export const addDeviceRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services }) => {
  const page = (request: FastifyRequest, reply: FastifyReply, extra: Readonly<{ refusal?: RefusalView; formError?: string; entered?: Partial<AddDeviceForm> }> = {}, status = 200) =>
    request.session.portal === undefined
      ? toPortalSignIn(request, reply)
      : renderPage(request, reply, 'portal/add-device', { title: 'Add a New Device', phoneKinds, platforms, countries, entered: {}, ...extra }, status);

  app.get('/portal/add-device', async (request, reply) => page(request, reply));

  app.post('/portal/add-device', { preValidation: app.csrfProtection }, async (request, reply) => {
    const form = decodeForm(AddDeviceForm, request.body);
    if (E.isLeft(form)) return page(request, reply, { formError: form.left.message }, 400);
    return sendPortalChange(request, reply, services, {
      type: 'EnrollDevice',
      data: enrollmentData(form.right, services.newId()),
      returnTo: '/portal/add-device',
      success: (result) => ({ to: '/portal', text: `Added ${eventField(result, 'DeviceEnrolled', 'name') ?? 'the device'}.` }),
      refused: (refusal, status) => page(request, reply, { refusal, entered: form.right }, status),
    });
  });
};
