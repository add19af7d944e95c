import { InvalidArgumentError, Option, type Command } from 'commander';
import type { TimeWindow } from '@ssp/projections';

export type ReportFormat = 'text' | 'json' | 'csv';

export type ReportOptions = Readonly<{ format: ReportFormat; json?: boolean; from?: string; to?: string }>;

const utcTime = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z)?$/;

/**
 * An ISO 8601 time in UTC (`2026-11-28T10:00:00Z`, seconds and milliseconds optional, or a
 * date alone for its midnight), as the store records times. A local time, an offset, or a
 * moment that does not exist (`2026-02-30`, which `Date.parse` would roll into March) is
 * refused, and Commander names the option in its message.
 */
export const parseUtcTime = (text: string): string => {
  const parts = utcTime.exec(text);
  const [, date = '', hour = '00', minute = '00', second = '00', fraction = ''] = parts ?? [];
  const canonical = `${date}T${hour}:${minute}:${second}.${fraction.padEnd(3, '0')}Z`;
  const millis = Date.parse(canonical);
  if (parts === null || Number.isNaN(millis) || new Date(millis).toISOString() !== canonical) {
    throw new InvalidArgumentError(`must be an ISO 8601 time in UTC, such as 2026-11-28T10:00:00Z; got ${JSON.stringify(text.slice(0, 40))}`);
  }
  return canonical;
};

/** `--format` and its `--json` alias, for every command with a table to give (the as-of questions have no window). */
export const withFormatOption = (command: Command): Command =>
  command
    .addOption(new Option('--format <format>', 'output: text for people, json or csv for tools').choices(['text', 'json', 'csv']).default('text'))
    .addOption(new Option('--json', 'the same as --format json').conflicts('format'));

/** `--format`, its `--json` alias, and the `--from`/`--to` window, shared by the reports. */
export const withReportOptions = (command: Command): Command =>
  withFormatOption(command)
    .option('--from <time>', 'only what happened at or after this ISO 8601 UTC time', parseUtcTime)
    .option('--to <time>', 'only what happened before this ISO 8601 UTC time', parseUtcTime);

export const formatOf = (options: ReportOptions): ReportFormat => (options.json === true ? 'json' : options.format);

/** The window the options give; an empty or reversed one is refused, as it can only be a mistake. */
export const windowOf = (options: ReportOptions): TimeWindow => {
  if (options.from !== undefined && options.to !== undefined && Date.parse(options.from) >= Date.parse(options.to)) {
    throw new Error(`--from (${options.from}) must be before --to (${options.to}): the window is from inclusive, to exclusive`);
  }
  return { ...(options.from === undefined ? {} : { from: options.from }), ...(options.to === undefined ? {} : { to: options.to }) };
};

/** The window in words, for a report's summary line: empty when the report covers all of history. */
export const describeWindow = (window: TimeWindow): string =>
  window.from === undefined && window.to === undefined ? '' : `from ${window.from ?? 'the start'} to ${window.to ?? 'the end'}`;
