import * as E from 'fp-ts/Either';
import { pageUntil, seedIds, signInUser, startTestPortal, type TestPortal } from '../../testing';
import { addPhone } from '../portal/portal-steps.testing';

/** The device id of the user's phone with that number's last four digits, from the read model. */
const phoneIdOf = async (portal: TestPortal, userId: string, lastDigits: string): Promise<string> => {
  const devices = await portal.services.queries.devicesOf(userId)();
  const phone = E.isRight(devices) ? devices.right?.phones.find((candidate) => candidate.maskedNumber?.endsWith(lastDigits)) : undefined;
  if (phone === undefined) throw new Error(`no phone ending ${lastDigits} for ${userId}`);
  return phone.deviceId;
};

const noticeTexts = (body: string): readonly string[] => [...body.matchAll(/data-testid="notice-text">([^<]*)</g)].map((match) => match[1] ?? '');

describe('the simulated phone: the security notices its number received', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it('given Jordan enrolls a first phone through the pages, when its page is opened, then it shows the text telling of the enrollment, with its time', async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect((await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' })).statusCode).toBe(303);
    const deviceId = await phoneIdOf(portal, seedIds.jordan, '2671');

    const page = await pageUntil(portal.app, { url: `/phone/${deviceId}` }, 'the enrollment notice', (body) => body.includes('data-testid="notice"'));

    expect(noticeTexts(page.body)).toEqual([
      'Security notice: a mobile phone &quot;iOS phone&quot; (•••2671) was added to your account on 2026-11-28 at 09:00 UTC. If this was not you, contact your administrator.',
    ]);
    expect(page.body).toContain('Text message, <time datetime="2026-11-28T09:00:00.000Z">2026-11-28 09:00 UTC</time>');
    expect(page.body).toContain('Simulated phone: iOS phone');
  });

  it('given a second phone enrolled later by an administrator, then the first phone lists both notices, newest first', async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' });
    const first = await phoneIdOf(portal, seedIds.jordan, '2671');
    portal.clock.advance(600);
    const second = await portal.services.execute({
      type: 'EnrollDevice',
      actor: { kind: 'admin', adminId: seedIds.maria },
      data: { userId: seedIds.jordan, deviceId: portal.services.newId(), kind: 'LANDLINE', phoneNumber: '+12125550100', name: 'Desk' },
    });
    expect(second.ok).toBe(true);

    const page = await pageUntil(portal.app, { url: `/phone/${first}` }, 'two notices', (body) => noticeTexts(body).length === 2);

    const [newest, oldest] = noticeTexts(page.body);
    expect(newest).toContain('a landline &quot;Desk&quot; (•••0100) was added to your account by an administrator (OWNER) on 2026-11-28 at 09:10 UTC');
    expect(oldest).toContain('a mobile phone &quot;iOS phone&quot; (•••2671) was added');
  });

  it("given two users' phones, then each phone's page shows only what its own number received (the pages need no sign-in: holding the device id stands for holding the phone)", async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' });
    const jordansPhone = await phoneIdOf(portal, seedIds.jordan, '2671');

    // Lee's phone was enrolled by the seed: a new store's notices start at its first event.
    const leesPage = await pageUntil(portal.app, { url: `/phone/${seedIds.leePhone}` }, "the seed's notice", (body) => noticeTexts(body).length > 0);
    const jordansPage = await pageUntil(portal.app, { url: `/phone/${jordansPhone}` }, "Jordan's notice", (body) => noticeTexts(body).length > 0);

    expect(noticeTexts(leesPage.body).join('\n')).toContain('(•••0142) was added');
    expect(noticeTexts(leesPage.body).join('\n')).not.toContain('2671');
    expect(noticeTexts(jordansPage.body).join('\n')).not.toContain('0142');
  });

  it('given a device id that was never told anything, then its page says there is no message', async () => {
    const page = await portal.app.inject({ method: 'GET', url: `/phone/${portal.services.newId()}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="no-notice"');
  });
});
