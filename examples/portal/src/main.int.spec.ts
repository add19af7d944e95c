import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@ssp/commands';
import { defaultPolicy } from '@ssp/domain';
import { organisationCommands } from './seed/organisation';
import { seedIfEmpty } from './seed/seed';
import { createPortalServices } from './services';
import { openPortalStores } from './stores/open-stores';
import { createTestClock, eventCount, pageUntil, seedIds, signInAdmin, startTestPortal } from './testing';

describe('start-up on a SQLite file', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'portal-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const open = (path: string) => {
    const stores = openPortalStores({ kind: 'sqlite', path });
    if (E.isLeft(stores)) throw new Error(stores.left.message);
    return stores.right;
  };

  it('creates the file and its directory, seeds the organisation once, and serves it again after a restart', async () => {
    const path = join(directory, '.data', 'portal.sqlite');
    const first = await startTestPortal({ stores: open(path) });
    const seededEvents = await eventCount(first.services);
    expect(seededEvents).toBeGreaterThan(20);
    await first.close();

    const stores = open(path);
    const services = await createPortalServices({ stores });
    if (E.isLeft(services)) throw new Error(services.left.kind);
    await expect(seedIfEmpty(services.right)).resolves.toEqual(E.right({ seeded: false, events: 0 }));
    expect(await eventCount(services.right)).toBe(seededEvents);
    await services.right.close();

    const again = await startTestPortal({ stores: open(path) });
    const maria = await signInAdmin(again.app, seedIds.maria);
    const applications = await again.app.inject({ method: 'GET', url: '/admin/applications', headers: { cookie: maria.cookie } });
    expect(applications.body).toContain('Acme VPN');
    await again.close();
  });

  it('starts bare when told not to seed', async () => {
    const bare = await startTestPortal({ stores: open(join(directory, 'bare.sqlite')), seed: false });
    expect(await eventCount(bare.services)).toBe(0);
    const home = await bare.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('No account yet');
    await bare.close();
  });

  const intranetOff = (portal: Awaited<ReturnType<typeof startTestPortal>>) =>
    portal.services.execute({ type: 'DisableSelfService', actor: { kind: 'admin', adminId: seedIds.maria }, data: { applicationId: seedIds.intranet } });

  it('given a file whose notices were sent, when the portal restarts on it, then nothing old is sent again and a new change is told', async () => {
    const path = join(directory, 'notified.sqlite');
    const first = await startTestPortal({ stores: open(path) });
    await pageUntil(first.app, { url: `/phone/${seedIds.leePhone}` }, "the seed's notice to Lee", (body) => body.includes('data-testid="notice"'));
    await first.close();

    const again = await startTestPortal({ stores: open(path) });
    expect((await intranetOff(again)).ok).toBe(true);
    const maria = await signInAdmin(again.app, seedIds.maria);
    await pageUntil(again.app, { url: '/admin/inbox', cookie: maria.cookie }, 'the notice of the change', (body) => body.includes('turned off'));

    // One worker takes the log in order: the seed's events, had they come again, would have come first.
    expect(again.services.notices.toAdministrator(seedIds.maria).map((notice) => notice.text)).toEqual([expect.stringContaining('turned off for the application "Intranet"')]);
    expect(again.services.notices.toPhone(seedIds.leePhone)).toEqual([]);
    await again.close();
  });

  it('given a file with history written before the portal notified anyone, when it starts, then only changes from then on are told', async () => {
    const path = join(directory, 'older.sqlite');
    const stores = open(path);
    const clock = createTestClock();
    const handle = createCommandHandler({ store: stores.events, clock: clock.now, newId: () => randomUUID(), policy: defaultPolicy });
    for (const command of organisationCommands()) expect((await handle({ ...command, commandId: command.commandId ?? randomUUID() })).ok).toBe(true);
    await stores.close();

    const portal = await startTestPortal({ stores: open(path) });
    expect((await intranetOff(portal)).ok).toBe(true);
    const maria = await signInAdmin(portal.app, seedIds.maria);
    await pageUntil(portal.app, { url: '/admin/inbox', cookie: maria.cookie }, 'the notice of the change', (body) => body.includes('turned off'));

    expect(portal.services.notices.toAdministrator(seedIds.maria)).toHaveLength(1);
    expect(portal.services.notices.toPhone(seedIds.leePhone)).toEqual([]);
    await portal.close();
  });
});
