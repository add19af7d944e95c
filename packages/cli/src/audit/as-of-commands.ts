import type { Command } from 'commander';
import { applicationAsOf, compareDevices, devicesAsOf, isWithin, selfServiceHistory } from '@ssp/projections';
import { applicationLines, devicesLines, differenceLines, settingLines } from './as-of-output';
import { loadDecodedHistory, warnUnreadable } from './history';
import { parseId, printCsv, printJson, printLines } from './output';
import { createProgress } from './progress';
import { formatOf, parseUtcTime, windowOf, withFormatOption, withReportOptions, type ReportOptions } from './report-options';
import { applicationAsOfTable, devicesComparedTable, devicesTable, selfServiceHistoryTable } from './report-tables';

type DevicesOptions = ReportOptions & Readonly<{ store: string; user: string; asOf: string; compare?: string }>;
type ApplicationOptions = ReportOptions & Readonly<{ store: string; application: string; asOf?: string; history?: boolean }>;

/** A CSV of an empty table would not say why it is empty; a person reading the terminal is told. */
const noteAbsent = (what: string): void => {
  process.stderr.write(`note: ${what}\n`);
};

const devicesAction = async (options: DevicesOptions): Promise<void> => {
  const { asOf, compare, user } = options;
  if (compare !== undefined && Date.parse(compare) <= Date.parse(asOf)) throw new Error(`--compare (${compare}) must be after --as-of (${asOf})`);
  const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
  warnUnreadable(unreadable);
  const format = formatOf(options);
  if (compare !== undefined) {
    const compared = compareDevices(events, user, asOf, compare);
    if (format === 'json') return printJson(compared);
    return format === 'csv' ? printCsv(devicesComparedTable(compared)) : printLines(differenceLines(compared));
  }
  const state = devicesAsOf(events, user, asOf);
  if (format === 'json') return printJson({ userId: user, asOf, state });
  if (format === 'text') return printLines(devicesLines(user, asOf, state));
  if (state.status === 'NONE') noteAbsent(`user ${user} was not registered at ${asOf}`);
  printCsv(devicesTable(user, asOf, state));
};

const applicationAction = async (options: ApplicationOptions): Promise<void> => {
  const { asOf, application } = options;
  if ((asOf === undefined) === (options.history !== true)) throw new Error('give one of --as-of <time> or --history');
  const windowGiven = [options.from === undefined ? [] : ['--from'], options.to === undefined ? [] : ['--to']].flat();
  if (asOf !== undefined && windowGiven.length > 0) {
    throw new Error(`${windowGiven.join(' and ')} cannot be used with --as-of: a window limits --history, and --as-of asks about one moment`);
  }
  const window = windowOf(options);
  const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
  warnUnreadable(unreadable);
  const format = formatOf(options);
  if (asOf === undefined) {
    const settings = selfServiceHistory(events, application);
    const inWindow = isWithin(window);
    const shown = { ...settings, changes: settings.changes.filter((change) => inWindow(change.occurredAt)) };
    if (format === 'json') return printJson({ ...shown, window });
    return format === 'csv' ? printCsv(selfServiceHistoryTable(shown)) : printLines(settingLines(shown, window));
  }
  const answer = applicationAsOf(events, application, asOf);
  if (format === 'json') return printJson({ applicationId: application, asOf, ...answer });
  if (format === 'text') return printLines(applicationLines(application, asOf, answer));
  if (answer.application.status === 'NONE') noteAbsent(`application ${application} was not registered at ${asOf}`);
  printCsv(applicationAsOfTable(application, asOf, answer));
};

export const registerAsOf = (audit: Command, storeOption: [string, string]): void => {
  // An as-of question is about one moment (or two, with --compare): a window has no meaning here.
  const devices = audit
    .command('devices')
    .description("a user's devices as they were at a moment in the past, and what changed by a later one")
    .requiredOption(...storeOption)
    .requiredOption('--user <id>', 'a user id', parseId)
    .requiredOption('--as-of <time>', 'an ISO 8601 UTC time, e.g. 2026-11-28T10:00:00Z', parseUtcTime)
    .option('--compare <time>', 'a later ISO 8601 UTC time: also what was added, removed or changed by then, and by whom', parseUtcTime);
  withFormatOption(devices).action(devicesAction);

  const application = audit
    .command('application')
    .description("an application's self-service setting, and whether it was in effect, at a moment in the past, or every change of it")
    .requiredOption(...storeOption)
    .requiredOption('--application <id>', 'an application id', parseId)
    .option('--as-of <time>', 'an ISO 8601 UTC time', parseUtcTime)
    .option('--history', 'every time the setting was turned on or off, by whom and with which role (--from/--to: only those in the window)');
  withReportOptions(application).action(applicationAction);
};
