import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { StepUpMethod } from '@ssp/domain';
import { decodeForm } from '../../http/form';
import { redirectWithFlash, renderPage } from '../../http/page';
import { portalActor, toPortalSignIn } from '../../http/portal-context';
import { refusalStatus, refusalView, type RefusalView } from '../../http/refusals';
import type { PortalSignIn } from '../../http/session-data';
import { storeFailurePage } from '../../http/store-failure';
import type { PageDependencies } from '../index';
import { deviceChoicesOf } from './device-choices';

const BeginForm = t.type({ deviceId: t.string, method: StepUpMethod });
const PasscodeForm = t.type({ passcode: t.string });

type Extra = Readonly<{ refusal?: RefusalView; formError?: string; wrongPasscode?: boolean }>;

/**
 * The two-factor step-up: the user picks a device and a method and the domain begins the
 * step-up (`BeginStepUp`); the simulated authenticator sends the challenge to the simulated
 * phone, which approves or denies it, or shows the passcode the user types here. The page
 * moves on only once the portal-session read model holds the completed step-up.
 */
export const stepUpRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services, authenticator, rateLimit }) => {
  const limited = { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } };

  const chooser = async (request: FastifyRequest, reply: FastifyReply, portal: PortalSignIn, extra: Extra = {}, status = 200) => {
    const choices = await deviceChoicesOf(services, portal.userId);
    if (E.isLeft(choices)) return storeFailurePage(request, reply, choices.left);
    return renderPage(request, reply, 'portal/step-up', { title: 'Verify it is you', choices: choices.right, ...extra }, status);
  };

  const waiting = async (request: FastifyRequest, reply: FastifyReply, portal: PortalSignIn, extra: Extra = {}, status = 200) => {
    const challenge = authenticator.challengeOf(portal.sessionId);
    if (challenge === undefined) return reply.redirect('/portal/step-up', 303);
    const session = await services.queries.portalSession(portal.sessionId)();
    if (E.isLeft(session)) return storeFailurePage(request, reply, session.left);
    const completed = session.right?.completedStepUp;
    if (completed !== undefined && completed.completedAt >= challenge.sentAt && completed.deviceId === challenge.deviceId) {
      const returnTo = request.session.returnTo ?? '/portal/devices';
      request.session.returnTo = undefined;
      return redirectWithFlash(request, reply, returnTo, { kind: 'success', text: 'Verified: you can manage your devices now.' });
    }
    const choices = await deviceChoicesOf(services, portal.userId);
    if (E.isLeft(choices)) return storeFailurePage(request, reply, choices.left);
    const device = choices.right.find((choice) => choice.deviceId === challenge.deviceId);
    return renderPage(request, reply, 'portal/step-up-wait', { title: 'Waiting for your phone', challenge, deviceName: device?.label ?? 'your device', ...extra }, status);
  };

  app.get('/portal/step-up', async (request, reply) => {
    const portal = request.session.portal;
    return portal === undefined ? toPortalSignIn(request, reply) : chooser(request, reply, portal);
  });

  app.post('/portal/step-up', { preValidation: app.csrfProtection, config: limited }, async (request, reply) => {
    const portal = request.session.portal;
    if (portal === undefined) return toPortalSignIn(request, reply);
    const form = decodeForm(BeginForm, request.body);
    if (E.isLeft(form)) return chooser(request, reply, portal, { formError: form.left.message }, 400);
    const { deviceId, method } = form.right;
    const begun = await services.execute({ type: 'BeginStepUp', actor: portalActor(portal), data: { sessionId: portal.sessionId, deviceId, method } });
    if (!begun.ok) return chooser(request, reply, portal, { refusal: refusalView(begun.error) }, refusalStatus(begun.error.code));
    authenticator.send({ sessionId: portal.sessionId, userId: portal.userId, deviceId, method });
    return reply.redirect('/portal/step-up/wait', 303);
  });

  app.get('/portal/step-up/wait', async (request, reply) => {
    const portal = request.session.portal;
    return portal === undefined ? toPortalSignIn(request, reply) : waiting(request, reply, portal);
  });

  app.post('/portal/step-up/passcode', { preValidation: app.csrfProtection, config: limited }, async (request, reply) => {
    const portal = request.session.portal;
    if (portal === undefined) return toPortalSignIn(request, reply);
    const form = decodeForm(PasscodeForm, request.body);
    if (E.isLeft(form)) return waiting(request, reply, portal, { formError: form.left.message }, 400);
    const outcome = await authenticator.checkPasscode(portal.sessionId, form.right.passcode);
    if (outcome.kind === 'no-challenge') return reply.redirect('/portal/step-up', 303);
    if (!outcome.result.ok) return waiting(request, reply, portal, { refusal: refusalView(outcome.result.error) }, refusalStatus(outcome.result.error.code));
    if (!outcome.matched) return waiting(request, reply, portal, { wrongPasscode: true }, 401);
    return reply.redirect('/portal/step-up/wait', 303);
  });
};
