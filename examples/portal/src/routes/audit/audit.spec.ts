import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { streams } from '@ssp/domain';
import { postForm, seedIds, signInAdmin, signInUser, startTestPortal, type TestPortal } from '../../testing';
import { addPhone } from '../portal/portal-steps.testing';

describe('the audit pages', () => {
  let portal: TestPortal;
  beforeEach(async () => {
    portal = await startTestPortal();
  });
  afterEach(() => portal.close());

  it("shows a user's timeline with names, the step-up compliance and the tamper check", async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect((await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' })).statusCode).toBe(303);
    const maria = await signInAdmin(portal.app, seedIds.maria);
    const audit = await portal.app.inject({ method: 'GET', url: `/admin/audit/users/${seedIds.jordan}`, headers: { cookie: maria.cookie } });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('Audit of jordan');
    expect(audit.body).toContain('iOS phone');
    expect(audit.body).toContain('first device: primary authentication only');
    expect(audit.body).toMatch(/data-testid="compliance-summary">1 of 1 device changes compliant/);
    expect(audit.body).toMatch(/data-testid="verify-result">Intact/);
    expect(audit.body).not.toContain(`user ${seedIds.jordan}`);
  });

  it('names an altered event of the user by stream, revision, event, position and time', async () => {
    const jordan = await signInUser(portal.app, { username: 'jordan' });
    expect((await addPhone(portal.app, jordan, { phoneNumber: '(415) 555-2671' })).statusCode).toBe(303);
    const stream = streams.userDevices(seedIds.jordan);
    const read = await portal.services.events.readStream(stream)();
    const enrolled = E.isRight(read) ? read.right.at(-1) : undefined;
    if (enrolled === undefined) throw new Error("the test could not read Jordan's devices");
    // A writer past the handler: a rename linked to the chain but with a hash that does not match it.
    const eventId = randomUUID();
    const forged = {
      eventId,
      type: 'DeviceRenamed',
      data: { userId: seedIds.jordan, deviceId: enrolled.data.deviceId ?? '', name: 'Renamed', previousName: enrolled.data.name ?? '' },
      metadata: { ...enrolled.metadata, eventId, occurredAt: '2026-11-28T09:30:00.000Z', previousHash: enrolled.metadata.hash ?? '', hash: 'f'.repeat(64) },
    };
    expect(E.isRight(await portal.services.events.appendToStream(stream, [forged], { expectedRevision: enrolled.revision })())).toBe(true);
    const maria = await signInAdmin(portal.app, seedIds.maria);

    const audit = await portal.app.inject({ method: 'GET', url: `/admin/audit/users/${seedIds.jordan}`, headers: { cookie: maria.cookie } });

    expect(audit.body).toMatch(/data-testid="verify-result">Not intact/);
    expect(audit.body).toContain(`ALTERED in ${stream} at revision ${enrolled.revision + 1n} (event ${eventId}, position `);
    expect(audit.body).toContain('2026-11-28T09:30:00.000Z)');
  });

  it("shows an application's timeline, and finds nothing of another account", async () => {
    const ade = await signInAdmin(portal.app, seedIds.ade);
    expect((await postForm(portal.app, `/admin/applications/${seedIds.vpn}/settings`, ade, { selfService: 'on' })).statusCode).toBe(303);
    const audit = await portal.app.inject({ method: 'GET', url: `/admin/audit/applications/${seedIds.vpn}`, headers: { cookie: ade.cookie } });
    expect(audit.body).toContain('Acme VPN');
    expect(audit.body).toContain('Ade');
    const bob = await signInAdmin(portal.app, seedIds.bob);
    expect((await portal.app.inject({ method: 'GET', url: `/admin/audit/users/${seedIds.jordan}`, headers: { cookie: bob.cookie } })).statusCode).toBe(404);
    expect((await portal.app.inject({ method: 'GET', url: `/admin/audit/applications/${seedIds.vpn}`, headers: { cookie: bob.cookie } })).statusCode).toBe(404);
    expect((await portal.app.inject({ method: 'GET', url: '/admin/audit' })).headers.location).toBe('/admin/sign-in');
  });
});
