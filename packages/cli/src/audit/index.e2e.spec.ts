import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { LATEST_SCHEMA_VERSION, openSqliteDatabase } from '@ssp/sqlite';
import { seedStoryFile } from '../seed-story';
import { ssp, type Run } from './run-ssp.testing';

// `ssp audit …` as an auditor runs it: on a store written by `ssp run`, then made read-only
// (file 0444, directory 0555) and read by a user who may not write it. Root ignores file
// permissions and CI runs as root, so the audits then run as `nobody`; where root may not
// switch users, they run as root, and still must leave the store as they found it.
const story = seedStoryFile;

const NOBODY = { uid: 65534, gid: 65534 };
const canRunAsNobody = process.geteuid?.() === 0 && spawnSync('true', [], NOBODY).error === undefined;
const asAuditor = canRunAsNobody ? NOBODY : {};


const ACCOUNT = '00000000-0000-4000-8000-000000000001';
const JORDAN = '00000000-0000-4000-8000-000000000010';
const VPN = '00000000-0000-4000-8000-000000000005';

const AUDITS: ReadonlyArray<readonly string[]> = [
  ['timeline', '--account', ACCOUNT],
  ['devices', '--user', JORDAN, '--as-of', '2026-11-28T10:00:00Z'],
  ['application', '--application', VPN, '--as-of', '2026-11-28T09:05:00Z'],
  ['compliance', '--all'],
  ['verify', '--json'],
];

describe('ssp audit on a store the auditor may not write', () => {
  let base: string;
  let storeDirectory: string;
  let path: string;
  let written: Run;
  const before = new Map<string, Run>();
  let bytes: Buffer;
  let mtimeNs: bigint;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ssp-audit-'));
    chmodSync(base, 0o755);
    storeDirectory = join(base, 'stores');
    path = join(storeDirectory, 'story.sqlite');
    written = ssp(['run', story, '--store', `sqlite:${path}`]);
    for (const audit of AUDITS) before.set(audit.join(' '), ssp(['audit', ...audit, '--store', `sqlite:${path}`]));
    bytes = readFileSync(path);
    mtimeNs = statSync(path, { bigint: true }).mtimeNs;
    chmodSync(path, 0o444);
    chmodSync(storeDirectory, 0o555);
  }, 120_000);

  afterAll(() => {
    chmodSync(storeDirectory, 0o755);
    rmSync(base, { recursive: true, force: true });
  });

  it('given `ssp run` into a directory that did not exist, then it created the store there, migrated to the latest schema', () => {
    expect(written.status).toBe(0);
    const database = openSqliteDatabase({ path, readOnly: true });
    if (E.isLeft(database)) throw new Error(`the store cannot be read: ${database.left.kind}`);
    const version: unknown = database.right.connection.pragma('user_version', { simple: true });
    database.right.close();
    expect(version).toBe(LATEST_SCHEMA_VERSION);
  });

  it.each(AUDITS.map((audit) => [audit.join(' ')]))(
    'given the store made read-only, when `ssp audit %s` reads it, then it prints what it printed on the writable store',
    (audit) => {
      const first = before.get(audit);
      const again = ssp(['audit', ...audit.split(' '), '--store', `sqlite:${path}`], asAuditor);
      expect(first?.stdout.length).toBeGreaterThan(0);
      expect(again).toEqual(first);
    },
    30_000,
  );

  it('given the audits done, then the store has the bytes and mtime it had, and nothing lies next to it', () => {
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(mtimeNs);
    expect(readdirSync(storeDirectory)).toEqual(['story.sqlite']);
  });

  it('given a path with no store, when an audit runs, then it fails with a message naming the path and creates nothing', () => {
    const missing = join(base, 'elsewhere', 'store.sqlite');
    mkdirSync(join(base, 'elsewhere'));
    const run = ssp(['audit', 'verify', '--store', `sqlite:${missing}`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`there is no store at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('given ids typed in upper case, when `ssp audit timeline` and `devices` read them, then they answer as for the ids in lower case: ids are canonical', () => {
    const timeline = ssp(['audit', 'timeline', '--account', ACCOUNT.toUpperCase(), '--store', `sqlite:${path}`], asAuditor);
    const devices = ssp(['audit', 'devices', '--user', JORDAN.toUpperCase(), '--as-of', '2026-11-28T10:00:00Z', '--store', `sqlite:${path}`], asAuditor);
    expect(timeline).toEqual(before.get(['timeline', '--account', ACCOUNT].join(' ')));
    expect(devices).toEqual(before.get(['devices', '--user', JORDAN, '--as-of', '2026-11-28T10:00:00Z'].join(' ')));
  }, 30_000);

  it('given an id that is not a UUID, when an audit is asked about it, then it is refused naming the option', () => {
    const run = ssp(['audit', 'timeline', '--user', 'jordan', '--store', `sqlite:${path}`], asAuditor);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("option '--user <id>' argument 'jordan' is invalid. must be a UUID");
  });
});
