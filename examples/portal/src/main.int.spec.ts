import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { seedIfEmpty } from './seed/seed';
import { createPortalServices } from './services';
import { openPortalStores } from './stores/open-stores';
import { eventCount, seedIds, signInAdmin, startTestPortal } from './testing';

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
});
