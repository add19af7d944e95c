import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandResult } from '@ssp/commands';
import { decodeForm } from '../../http/form';
import { redirectWithFlash, renderPage } from '../../http/page';
import { refusalStatus, refusalView, type RefusalView } from '../../http/refusals';
import { storeFailurePage } from '../../http/store-failure';
import { noticeView } from '../../notifications/notice-view';
import type { PageDependencies } from '../index';

type DeviceParams = { Params: { deviceId: string } };
type ChallengeParams = { Params: { deviceId: string; challengeId: string } };

const ScanForm = t.type({ code: t.string });

/**
 * The simulated phone (or token): a stand-in for the device in the user's pocket. It shows the
 * challenges sent to it (approve or deny a push, answer a call, read a passcode), the security
 * notices its number received (texts and calls), and scans an activation code. Possession of
 * the device is what it simulates, so it has no sign-in of its own: whoever has a device's id
 * reads its messages, as whoever holds a phone does; what it sends is judged by the domain.
 */
export const phoneRoutes: FastifyPluginAsync<PageDependencies> = async (app, { services, authenticator }) => {
  const page = async (request: FastifyRequest<DeviceParams>, reply: FastifyReply, extra: Readonly<{ refusal?: RefusalView; formError?: string; unknownCode?: boolean }> = {}, status = 200) => {
    const challenges = authenticator.pendingOn(request.params.deviceId);
    const notices = services.notices.toPhone(request.params.deviceId);
    const owner = challenges[0]?.userId ?? notices.find((notice) => notice.recipient.deviceId === request.params.deviceId)?.recipient.userId;
    const devices = owner === undefined ? E.right(undefined) : await services.queries.devicesOf(owner)();
    if (E.isLeft(devices)) return storeFailurePage(request, reply, devices.left);
    const phone = devices.right?.phones.find((candidate) => candidate.deviceId === request.params.deviceId);
    const token = devices.right?.hardwareTokens.find((candidate) => candidate.tokenId === request.params.deviceId);
    const deviceName = phone?.name ?? (token === undefined ? undefined : `Token ${token.serial}`);
    return renderPage(request, reply, 'phone/phone', { title: 'Simulated phone', deviceId: request.params.deviceId, deviceName, challenges, notices: notices.map(noticeView), ...extra }, status);
  };

  const answered = (request: FastifyRequest<ChallengeParams>, reply: FastifyReply, result: CommandResult | undefined, text: string) => {
    const back = `/phone/${request.params.deviceId}`;
    if (result === undefined) return redirectWithFlash(request, reply, back, { kind: 'error', text: 'That request is no longer waiting for an answer.' });
    if (!result.ok) return page(request, reply, { refusal: refusalView(result.error) }, refusalStatus(result.error.code));
    return redirectWithFlash(request, reply, back, { kind: 'success', text });
  };

  app.get<DeviceParams>('/phone/:deviceId', async (request, reply) => page(request, reply));

  app.post<ChallengeParams>('/phone/:deviceId/challenges/:challengeId/approve', { preValidation: app.csrfProtection }, async (request, reply) =>
    answered(request, reply, await authenticator.approve(request.params.challengeId, request.params.deviceId), 'Approved. Go back to the prompt.'),
  );

  app.post<ChallengeParams>('/phone/:deviceId/challenges/:challengeId/deny', { preValidation: app.csrfProtection }, async (request, reply) =>
    answered(request, reply, await authenticator.deny(request.params.challengeId, request.params.deviceId), 'Denied. Nothing was unlocked.'),
  );

  app.post<DeviceParams>('/phone/:deviceId/scan', { preValidation: app.csrfProtection }, async (request, reply) => {
    const form = decodeForm(ScanForm, request.body);
    if (E.isLeft(form)) return page(request, reply, { formError: form.left.message }, 400);
    const outcome = await authenticator.activations.scan(request.params.deviceId, form.right.code);
    if (outcome.kind === 'unknown-code') return page(request, reply, { unknownCode: true }, 404);
    if (!outcome.result.ok) return page(request, reply, { refusal: refusalView(outcome.result.error) }, refusalStatus(outcome.result.error.code));
    return redirectWithFlash(request, reply, `/phone/${request.params.deviceId}`, { kind: 'success', text: 'Duo Mobile is activated on this phone.' });
  });
};
