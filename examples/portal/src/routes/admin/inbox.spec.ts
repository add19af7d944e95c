import { pageUntil, postForm, seedIds, signInAdmin, startTestPortal, type TestPortal } from '../../testing';

const noticeTexts = (body: string): readonly string[] => [...body.matchAll(/data-testid="notice-text">([^<]*)</g)].map((match) => match[1] ?? '');

const vpnTurnedOn = 'Self-service was turned on for the application &quot;Acme VPN&quot; (CISCO_SSL_VPN)';

describe("the Admin Panel's inbox: the signed-in administrator's security notices", () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it('given Ade turns on self-service for Acme VPN, then the owner and Ade are told in their inboxes, newest first, and the read-only administrator is not', async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    portal.clock.advance(60);
    expect((await postForm(portal.app, `/admin/applications/${seedIds.vpn}/settings`, ade, { selfService: 'on' })).statusCode).toBe(303);
    const maria = await signInAdmin(portal.app, seedIds.maria);
    const rio = await signInAdmin(portal.app, seedIds.rio);

    const mariasInbox = await pageUntil(portal.app, { url: '/admin/inbox', cookie: maria.cookie }, "the VPN's notice", (body) => body.includes(vpnTurnedOn));
    const adesInbox = await pageUntil(portal.app, { url: '/admin/inbox', cookie: ade.cookie }, "the VPN's notice", (body) => body.includes(vpnTurnedOn));
    const riosInbox = await portal.app.inject({ method: 'GET', url: '/admin/inbox', headers: { cookie: rio.cookie } });

    // The seed turned self-service on for the Intranet: a new store is told from its first event.
    const [newest, older] = noticeTexts(mariasInbox.body);
    expect(newest).toBe(`${vpnTurnedOn} by administrator ${seedIds.ade} (APPLICATION_MANAGER) on 2026-11-28 at 09:01 UTC.`);
    expect(older).toContain('&quot;Intranet&quot;');
    expect(noticeTexts(adesInbox.body)[0]).toBe(newest);
    expect(riosInbox.statusCode).toBe(200);
    expect(riosInbox.body).toContain('data-testid="no-notice"');
  });

  it('given an application whose name is markup, then its notice shows the name as text', async () => {
    const applicationId = portal.services.newId();
    const maria = { kind: 'admin', adminId: seedIds.maria } as const;
    const registered = await portal.services.execute({ type: 'RegisterApplication', actor: maria, data: { accountId: seedIds.acme, applicationId, name: '<img src=x onerror=alert(1)>', applicationType: 'WEB_SDK' } });
    const enabled = await portal.services.execute({ type: 'EnableSelfService', actor: maria, data: { applicationId } });
    expect([registered.ok, enabled.ok]).toEqual([true, true]);
    const signedIn = await signInAdmin(portal.app, seedIds.maria);

    const inbox = await pageUntil(portal.app, { url: '/admin/inbox', cookie: signedIn.cookie }, 'the notice', (body) => body.includes('onerror'));

    expect(inbox.body).toContain('&quot;&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(inbox.body).not.toContain('<img src=x');
  });

  it('given no administrator signed in, then the inbox sends the visitor to sign in', async () => {
    const page = await portal.app.inject({ method: 'GET', url: '/admin/inbox' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/sign-in');
  });
});
