import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { freshCsrfToken, postForm, type SignedIn } from '../../testing';

/** Steps of the portal the page specs share, each as a browser would take it. */

export const addPhone = (app: FastifyInstance, user: SignedIn, fields: Readonly<Record<string, string>>): Promise<LightMyRequestResponse> =>
  postForm(app, '/portal/add-device', user, { kind: 'MOBILE', platform: 'IOS', country: '1', phoneNumber: '', extension: '', name: '', ...fields });

export const beginStepUp = (app: FastifyInstance, user: SignedIn, deviceId: string, method: string): Promise<LightMyRequestResponse> =>
  postForm(app, '/portal/step-up', user, { deviceId, method });

/** The id of the first challenge the simulated phone shows, from its page. */
export const challengeOnPhone = async (app: FastifyInstance, deviceId: string): Promise<{ phone: SignedIn; challengeId: string | undefined; body: string }> => {
  const page = await app.inject({ method: 'GET', url: `/phone/${deviceId}` });
  const cookie = page.cookies.find((candidate) => candidate.name === 'portal.sid');
  const phone = await freshCsrfToken(app, cookie === undefined ? '' : `${cookie.name}=${cookie.value}`, `/phone/${deviceId}`);
  return { phone, challengeId: /\/challenges\/([0-9a-f-]+)\/approve/.exec(page.body)?.[1], body: page.body };
};

/** Approves the pending push or call on the simulated phone. */
export const approveOnPhone = async (app: FastifyInstance, deviceId: string): Promise<LightMyRequestResponse> => {
  const { phone, challengeId } = await challengeOnPhone(app, deviceId);
  if (challengeId === undefined) throw new Error(`nothing waits on the phone ${deviceId}`);
  return postForm(app, `/phone/${deviceId}/challenges/${challengeId}/approve`, phone, {});
};

/** Steps up through the pages: begins with the method, approves on the phone, and follows the wait page. */
export const stepUpByPhone = async (app: FastifyInstance, user: SignedIn, deviceId: string, method: 'PUSH' | 'CALL' = 'CALL'): Promise<LightMyRequestResponse> => {
  const begun = await beginStepUp(app, user, deviceId, method);
  if (begun.statusCode !== 303) throw new Error(`the step-up was not begun: ${begun.statusCode}`);
  const approved = await approveOnPhone(app, deviceId);
  if (approved.statusCode !== 303) throw new Error(`the phone's approval answered ${approved.statusCode}`);
  return app.inject({ method: 'GET', url: '/portal/step-up/wait', headers: { cookie: user.cookie } });
};

/** The device id of the phone of that name on My Settings & Devices. */
export const deviceIdNamed = (html: string, name: string): string | undefined =>
  new RegExp(`id="phone-([0-9a-f-]+)">${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(html)?.[1];
