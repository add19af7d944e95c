import type { Command } from 'commander';
import { formatTimelineEntry, timeline, type TimelineSubject } from '@ssp/projections';
import { loadDecodedHistory, warnUnreadable } from './history';
import { parseId, printCsv, printJson, printLines } from './output';
import { createProgress } from './progress';
import { describeWindow, formatOf, windowOf, withReportOptions, type ReportOptions } from './report-options';
import { timelineTable } from './report-tables';

type Options = ReportOptions & Readonly<{ store: string; user?: string; application?: string; account?: string }>;

const subjectOf = (options: Options): TimelineSubject => {
  const given = [options.user, options.application, options.account].filter((id) => id !== undefined);
  if (given.length !== 1) throw new Error('give exactly one of --user, --application or --account');
  if (options.user !== undefined) return { kind: 'user', userId: options.user };
  if (options.application !== undefined) return { kind: 'application', applicationId: options.application };
  return { kind: 'account', accountId: options.account ?? '' };
};

export const registerTimeline = (audit: Command, storeOption: [string, string]): void => {
  const command = audit
    .command('timeline')
    .description('what happened to a user, an application or an account: when, who (with role or step-up), what, with names beside ids')
    .requiredOption(...storeOption)
    .option('--user <id>', 'a user id', parseId)
    .option('--application <id>', 'an application id', parseId)
    .option('--account <id>', 'an account id', parseId);
  withReportOptions(command).action(async (options: Options) => {
    const subject = subjectOf(options);
    const window = windowOf(options);
    const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
    warnUnreadable(unreadable);
    const entries = timeline(events, subject, window);
    switch (formatOf(options)) {
      case 'json':
        return printJson({ subject, window, entries, unreadable });
      case 'csv':
        return printCsv(timelineTable(entries));
      case 'text':
        printLines(entries.map(formatTimelineEntry));
        process.stdout.write(`${entries.length} events for ${subject.kind} ${Object.values(subject)[1]}${describeWindow(window) === '' ? '' : ` ${describeWindow(window)}`} (of ${events.length} in history)\n`);
    }
  });
};
