// (5) Plain Node.js: the command handler over a SQLite file, then, after the file was closed and
// opened again, a replay of its history through projections into read models in the same file,
// and the hash chain verified.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { createCommandHandler } from '@ssp/commands';
import { applicationSettingsProjection, createProjectionRunner, mySettingsAndDevicesProjection, readHistory, verifyHistory } from '@ssp/projections';
import { openSqliteDatabase, openSqliteEventStore, openSqliteReadModelStore } from '@ssp/sqlite';

const right = (either, what) => {
  if (E.isLeft(either)) assert.fail(`${what}: ${JSON.stringify(either.left, (_key, value) => (typeof value === 'bigint' ? String(value) : value))}`);
  return either.right;
};

const ACCOUNT = '00000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-000000000002';
const VPN = '00000000-0000-4000-8000-000000000005';
const JORDAN = '00000000-0000-4000-8000-000000000010';
const owner = { kind: 'admin', adminId: OWNER };
let commands = 0;
const command = (type, actor, data) => ({ type, commandId: `c0000000-0000-4000-8000-${String((commands += 1)).padStart(12, '0')}`, actor, data });

const directory = mkdtempSync(join(tmpdir(), 'ssp-consumer-sqlite-'));
const path = join(directory, 'ssp.sqlite');
try {
  const store = right(openSqliteEventStore({ path }), 'open the event store');
  const handle = createCommandHandler({ store });
  for (const next of [
    command('OpenAccount', { kind: 'system' }, { accountId: ACCOUNT, name: 'Acme Corp', edition: 'ENTERPRISE', ownerAdminId: OWNER }),
    command('EnableNewEnrollment', owner, { accountId: ACCOUNT }),
    command('RegisterApplication', owner, { accountId: ACCOUNT, applicationId: VPN, name: 'Acme VPN', applicationType: 'CISCO_SSL_VPN' }),
    command('EnableSelfService', owner, { applicationId: VPN }),
    command('RegisterUser', owner, { accountId: ACCOUNT, userId: JORDAN, username: 'jordan' }),
  ]) {
    const result = await handle(next);
    assert.equal(result.ok, true, `${next.type}: ${JSON.stringify(result)}`);
  }
  await store.close();

  // Opened again: events, read models and checkpoints in the one file.
  const database = right(openSqliteDatabase({ path }), 'open the file again');
  const events = right(openSqliteEventStore({ database }), 'the event store');
  const readModels = right(openSqliteReadModelStore({ database }), 'the read-model store');
  const runner = createProjectionRunner({ events, readModels });
  const settings = right(await runner.catchUp(applicationSettingsProjection)(), 'replay application settings');
  const devices = right(await runner.catchUp(mySettingsAndDevicesProjection)(), 'replay my settings and devices');
  assert.ok(settings.eventsApplied > 0 && devices.eventsApplied > 0);

  const account = right(await readModels.get(applicationSettingsProjection.name, ACCOUNT)(), 'read the settings');
  assert.deepEqual(
    account?.applications.map((application) => `${application.name} ${application.selfService}`),
    ['Acme VPN ENABLED'],
  );
  const jordan = right(await readModels.get(mySettingsAndDevicesProjection.name, JORDAN)(), 'read my devices');
  assert.equal(jordan?.username, 'jordan');

  const report = verifyHistory(right(await readHistory(events)(), 'read the history'));
  assert.equal(report.intact, true, JSON.stringify(report));
  database.close();
  console.log(`5 commands on SQLite; replayed ${settings.eventsApplied} events into application settings and my devices; history intact`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
