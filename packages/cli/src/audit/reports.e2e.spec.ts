import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedStoryFile } from '../seed-story';
import { ssp } from './run-ssp.testing';

// `ssp audit timeline` and `compliance` as an auditor runs them on the seed story's history,
// in each format and inside a window; and the as-of questions `devices --compare` and
// `application --history`.

const ACCOUNT = '00000000-0000-4000-8000-000000000001';
const JORDAN = '00000000-0000-4000-8000-000000000010';
const IPAD = '00000000-0000-4000-8000-000000000015';
const VPN = '00000000-0000-4000-8000-000000000005';

/** A CSV record split into fields, for fields with no comma, quote or line break in them. */
const plainFields = (record: string): readonly string[] => record.split(',');

describe('ssp audit timeline and compliance: formats and windows', () => {
  let base: string;
  let store: string;
  const audit = (...args: readonly string[]) => ssp(['audit', ...args, '--store', store]);

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ssp-reports-'));
    store = `sqlite:${join(base, 'story.sqlite')}`;
    expect(ssp(['run', seedStoryFile, '--store', store]).status).toBe(0);
  }, 120_000);

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('given the story, when the user\'s timeline is printed as text, then the user, the devices and the application are named beside their ids', () => {
    const run = audit('timeline', '--user', JORDAN);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`2026-11-28T09:00:50.000Z  user "jordan" (${JORDAN}) in session`);
    expect(run.stdout).toContain(`renamed device ${IPAD} from "iOS tablet" to "Jordan's iPad"`);
    expect(run.stdout).toContain(`through application "Acme VPN" (00000000-0000-4000-8000-000000000005)`);
  }, 30_000);

  it('given --format csv, when the account\'s timeline is printed, then it is a header and one CRLF record per event of the text report, quoted where RFC 4180 says', () => {
    const text = audit('timeline', '--account', ACCOUNT);
    const csv = audit('timeline', '--account', ACCOUNT, '--format', 'csv');
    const records = csv.stdout.split('\r\n');
    const textLines = text.stdout.trimEnd().split('\n').length - 1;
    expect(csv.status).toBe(0);
    expect(records.at(-1)).toBe('');
    expect(records.length - 2).toBe(textLines);
    expect(plainFields(records[0] ?? '').slice(0, 9)).toEqual(['occurredAt', 'streamName', 'revision', 'type', 'actor', 'actorId', 'actorName', 'actorRole', 'sessionId']);
    expect(csv.stdout).toContain(`DeviceRenamed,user,${JORDAN},jordan,,`);
    expect(csv.stdout).toContain(`"renamed device ${IPAD} from ""iOS tablet"" to ""Jordan's iPad"""\r\n`);
  }, 30_000);

  it('given --json, when compliance is printed, then it is the same document as --format json, with the names as they were', () => {
    const json = audit('compliance', '--json');
    expect(json.stdout).toBe(audit('compliance', '--format', 'json').stdout);
    const report: unknown = JSON.parse(json.stdout);
    expect(report).toMatchObject({ deviceChanges: 8, window: {}, entries: expect.arrayContaining([expect.objectContaining({ type: 'DeviceRenamed', names: expect.objectContaining({ [IPAD]: "Jordan's iPad", [JORDAN]: 'jordan' }) })]) });
  }, 30_000);

  it('given a window, when compliance is listed, then only the changes at or after --from and before --to are in it, and the summary says so', () => {
    const run = audit('compliance', '--all', '--from', '2026-11-28T09:00:50Z', '--to', '2026-11-28T09:01:30Z');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('ok')).map((line) => line.split(/\s+/)[3])).toEqual([
      'DeviceEnrolled', 'DeviceRenamed', 'DuoMobileActivationIssued',
    ]);
    expect(run.stdout).toContain('3 device changes, 3 without finding, 0 flagged (step-ups fresh for 300s, from 2026-11-28T09:00:50.000Z to 2026-11-28T09:01:30.000Z)');
  }, 30_000);

  it('given a window in CSV, when compliance is listed, then the rows are those of the window', () => {
    const run = audit('compliance', '--all', '--format', 'csv', '--from', '2026-11-28T09:01:30Z');
    const types = run.stdout.split('\r\n').slice(1, -1).map((record) => plainFields(record)[3]);
    expect(types).toEqual(['DuoMobileActivated', 'DefaultSet', 'HardwareTokenRemoved', 'DeviceEnrolled']);
  }, 30_000);

  it('given --compare, when a user\'s devices are asked for, then the devices at --as-of, what differs by --compare and the events between are printed', () => {
    const run = audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:00:00Z', '--compare', '2026-11-28T09:05:00Z');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`  added    TABLET "Jordan's iPad" (${IPAD})\n`);
    expect(run.stdout).toContain('  removed  HARDWARE_TOKEN "yk YK-0042" (00000000-0000-4000-8000-000000000014)\n');
    expect(run.stdout).toContain('6 events between 2026-11-28T09:00:00.000Z (excluded) and 2026-11-28T09:05:00.000Z (included):\n');
  }, 30_000);

  it('given --history, when an application is asked about, then every change of its self-service is listed with who and which role', () => {
    const run = audit('application', '--application', VPN, '--history');
    expect(run.stdout).toBe(
      '2026-11-28T09:00:00.000Z  enabled  by administrator 00000000-0000-4000-8000-000000000003 (APPLICATION_MANAGER)\n' +
        `1 change of self-service on application "Acme VPN" (${VPN})\n`,
    );
  }, 30_000);

  it.each([
    [['devices', '--user', JORDAN, '--as-of', '2026-11-28T09:05:00Z', '--compare', '2026-11-28T09:00:00Z'], '--compare (2026-11-28T09:00:00.000Z) must be after --as-of (2026-11-28T09:05:00.000Z)'],
    [['devices', '--user', JORDAN, '--as-of', 'Nov 28 2026'], "option '--as-of <time>' argument 'Nov 28 2026' is invalid"],
    [['application', '--application', VPN], 'give one of --as-of <time> or --history'],
    [['timeline', '--user', JORDAN, '--from', '2026-11-28 09:00'], "option '--from <time>' argument '2026-11-28 09:00' is invalid. must be an ISO 8601 time in UTC"],
    [['compliance', '--to', '2026-11-28T10:00:00+01:00'], "option '--to <time>' argument '2026-11-28T10:00:00+01:00' is invalid"],
    [['compliance', '--from', '2026-11-29', '--to', '2026-11-28'], '--from (2026-11-29T00:00:00.000Z) must be before --to (2026-11-28T00:00:00.000Z)'],
    [['compliance', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, csv."],
    [['compliance', '--json', '--format', 'csv'], "option '--json' cannot be used with option '--format <format>'"],
  ])('given %j, when run, then it is refused with a message naming the option, and prints nothing on stdout', (args, message) => {
    const run = audit(...args);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  }, 30_000);
});
