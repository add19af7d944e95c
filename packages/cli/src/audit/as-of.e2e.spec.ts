import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedStoryFile } from '../seed-story';
import { ssp } from './run-ssp.testing';

// `ssp audit devices` and `ssp audit application` in each format on the seed story's history,
// `--history` inside a window, and the options an as-of question refuses.

const JORDAN = '00000000-0000-4000-8000-000000000010';
const IPHONE = '00000000-0000-4000-8000-000000000013';
const YUBIKEY = '00000000-0000-4000-8000-000000000014';
const IPAD = '00000000-0000-4000-8000-000000000015';
const VPN = '00000000-0000-4000-8000-000000000005';
const ADE = '00000000-0000-4000-8000-000000000003';
const NOBODY = '00000000-0000-4000-8000-000000000099';

/** The records of a CSV output, without the empty string after the last CRLF. */
const records = (csv: string): readonly string[] => csv.split('\r\n').slice(0, -1);
/** A record's leading fields, for records whose only quoted field comes last (the description). */
const leadingFields = (record: string | undefined, count: number): readonly string[] => (record ?? '').split(',').slice(0, count);

describe('ssp audit devices and application: formats, a window on --history, refusals', () => {
  let base: string;
  let store: string;
  const audit = (...args: readonly string[]) => ssp(['audit', ...args, '--store', store]);

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ssp-as-of-'));
    store = `sqlite:${join(base, 'story.sqlite')}`;
    expect(ssp(['run', seedStoryFile, '--store', store]).status).toBe(0);
  }, 120_000);

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('given --format csv, when a user\'s devices at a time are asked for, then each phone is a row with its number masked, its Duo Mobile and whether it is the default', () => {
    const run = audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:03:00Z', '--format', 'csv');
    expect(run.status).toBe(0);
    expect(records(run.stdout)).toEqual([
      'asOf,userId,username,row,deviceId,name,kind,platform,maskedNumber,duoMobileActivated,default,loginAction',
      `2026-11-28T09:03:00.000Z,${JORDAN},jordan,phone,${IPHONE},iOS phone,MOBILE,IOS,•••2671,false,false,`,
      `2026-11-28T09:03:00.000Z,${JORDAN},jordan,phone,${IPAD},Jordan's iPad,TABLET,IOS,,true,true,PUSH`,
    ]);
  }, 30_000);

  it('given a time the user still had a hardware token, when the devices are asked for in CSV, then the token is a row named by type and serial', () => {
    const run = audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:00:00Z', '--format', 'csv');
    expect(records(run.stdout)[2]).toBe(`2026-11-28T09:00:00.000Z,${JORDAN},jordan,hardware token,${YUBIKEY},yk YK-0042,yk,,,,false,`);
  }, 30_000);

  it('given --json, when a user\'s devices are asked for, then it is the --format json document; given no format, the text with its summary', () => {
    const json = audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:03:00Z', '--json');
    expect(json.stdout).toBe(audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:03:00Z', '--format', 'json').stdout);
    expect(JSON.parse(json.stdout)).toMatchObject({ userId: JORDAN, asOf: '2026-11-28T09:03:00.000Z', state: { status: 'REGISTERED', username: 'jordan' } });
    const text = audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:03:00Z');
    expect(text.stdout).toContain(`user jordan (${JORDAN}) had 2 phones and 0 hardware tokens at 2026-11-28T09:03:00.000Z\n`);
  }, 30_000);

  it('given --compare in CSV, when the devices are compared, then the removed and changed devices come first, then each event between with who and the step-up', () => {
    const run = audit('devices', '--user', JORDAN, '--as-of', '2026-11-28T09:01:00Z', '--compare', '2026-11-28T09:05:00Z', '--format', 'csv');
    const [header, ...rows] = records(run.stdout);
    expect(run.status).toBe(0);
    expect(leadingFields(header, 14)).toEqual(['row', 'asOf', 'comparedTo', 'userId', 'username', 'deviceId', 'device', 'deviceKind', 'changes', 'occurredAt', 'streamName', 'revision', 'type', 'actor']);
    const times = ['2026-11-28T09:01:00.000Z', '2026-11-28T09:05:00.000Z', JORDAN, 'jordan'];
    expect(rows.map((row) => leadingFields(row, 13))).toEqual([
      ['removed', ...times, YUBIKEY, 'yk YK-0042', 'HARDWARE_TOKEN', '', '', '', '', ''],
      ['changed', ...times, IPAD, "Jordan's iPad", 'TABLET', 'Duo Mobile activated; made the default', '', '', '', ''],
      ['event', ...times, IPAD, "Jordan's iPad", '', '', '2026-11-28T09:01:30.000Z', `UserDevices-${JORDAN}`, '6', 'DuoMobileActivated'],
      ['event', ...times, IPAD, "Jordan's iPad", '', '', '2026-11-28T09:01:30.000Z', `UserDevices-${JORDAN}`, '7', 'DefaultSet'],
      ['event', ...times, YUBIKEY, 'yk YK-0042', '', '', '2026-11-28T09:01:30.000Z', `UserDevices-${JORDAN}`, '8', 'HardwareTokenRemoved'],
    ]);
    expect(rows[4]).toContain(`,user,${JORDAN},jordan,,00000000-0000-4000-8000-000000000012,CALL,${IPHONE},iOS phone,2026-11-28T09:00:20.000Z,`);
  }, 30_000);

  it('given a user not registered at the time, when the devices are asked for in CSV, then the header stands alone and stderr says why', () => {
    const run = audit('devices', '--user', NOBODY, '--as-of', '2026-11-28T09:03:00Z', '--format', 'csv');
    expect(run.status).toBe(0);
    expect(records(run.stdout)).toHaveLength(1);
    expect(run.stderr).toContain(`note: user ${NOBODY} was not registered at 2026-11-28T09:03:00.000Z`);
  }, 30_000);

  it('given --as-of in CSV and in JSON, when an application is asked about, then one row holds the setting, whether it was in effect and who last changed it', () => {
    const csv = audit('application', '--application', VPN, '--as-of', '2026-11-28T09:05:00Z', '--format', 'csv');
    expect(records(csv.stdout)).toEqual([
      'asOf,applicationId,application,applicationType,accountId,account,setting,selfService,suspendedBecause,lastChange,lastChangeAt,actor,actorId,actorName,actorRole,sessionId',
      `2026-11-28T09:05:00.000Z,${VPN},Acme VPN,CISCO_SSL_VPN,00000000-0000-4000-8000-000000000001,Acme Corp,on,ENABLED,,SelfServiceEnabled,2026-11-28T09:00:00.000Z,administrator,${ADE},,APPLICATION_MANAGER,`,
    ]);
    const json = audit('application', '--application', VPN, '--as-of', '2026-11-28T09:05:00Z', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ applicationId: VPN, selfService: { status: 'ENABLED' }, lastSettingChange: { type: 'SelfServiceEnabled' } });
  }, 30_000);

  it('given --history in CSV, when an application is asked about, then each change is a row with the administrator\'s role then', () => {
    const run = audit('application', '--application', VPN, '--history', '--format', 'csv');
    expect(records(run.stdout)).toEqual([
      'occurredAt,applicationId,application,type,streamName,revision,actor,actorId,actorName,actorRole,sessionId',
      `2026-11-28T09:00:00.000Z,${VPN},Acme VPN,SelfServiceEnabled,Application-${VPN},1,administrator,${ADE},,APPLICATION_MANAGER,`,
    ]);
  }, 30_000);

  it('given a window after the only change, when --history is printed, then no change is listed and the summary names the window', () => {
    const run = audit('application', '--application', VPN, '--history', '--from', '2026-11-28T09:00:01Z');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`0 changes of self-service on application "Acme VPN" (${VPN}) from 2026-11-28T09:00:01.000Z to the end\n`);
  }, 30_000);

  it('given a window holding the change, when --history is printed as JSON, then the change and the window are in the document', () => {
    const run = audit('application', '--application', VPN, '--history', '--to', '2026-11-28T09:00:01Z', '--format', 'json');
    expect(JSON.parse(run.stdout)).toMatchObject({ applicationId: VPN, window: { to: '2026-11-28T09:00:01.000Z' }, changes: [{ type: 'SelfServiceEnabled' }] });
  }, 30_000);

  it.each([
    [['application', '--application', VPN, '--as-of', '2026-11-28T09:05:00Z', '--from', '2026-11-28'], '--from cannot be used with --as-of'],
    [['application', '--application', VPN, '--as-of', '2026-11-28T09:05:00Z', '--from', '2026-11-28', '--to', '2026-11-29'], '--from and --to cannot be used with --as-of'],
    [['devices', '--user', JORDAN, '--as-of', '2026-11-28T09:05:00Z', '--to', '2026-11-29'], "unknown option '--to'"],
    [['devices', '--user', JORDAN, '--as-of', '2026-11-28T09:05:00Z', '--json', '--format', 'csv'], "option '--json' cannot be used with option '--format <format>'"],
    [['application', '--application', VPN, '--history', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid"],
  ])('given %j, when run, then it is refused with a message naming the options, and prints nothing on stdout', (args, message) => {
    const run = audit(...args);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  }, 30_000);
});
