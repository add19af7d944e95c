import type { Command } from 'commander';
import { defaultPolicy } from '@ssp/domain';
import { complianceReport, formatComplianceEntry } from '@ssp/projections';
import { loadDecodedHistory, warnUnreadable } from './history';
import { printCsv, printJson, printLines } from './output';
import { createProgress } from './progress';
import { describeWindow, formatOf, windowOf, withReportOptions, type ReportOptions } from './report-options';
import { complianceTable } from './report-tables';

type Options = ReportOptions & Readonly<{ store: string; freshSeconds: string; all?: boolean }>;

export const registerCompliance = (audit: Command, storeOption: [string, string]): void => {
  const command = audit
    .command('compliance')
    .description('was every device change authorised by a fresh, completed step-up?')
    .requiredOption(...storeOption)
    .option('--fresh-seconds <n>', 'how long a step-up authorises changes (policy)', String(defaultPolicy.stepUpFreshSeconds))
    .option('--all', 'list every device change, not only the flagged ones');
  withReportOptions(command).action(async (options: Options) => {
    const stepUpFreshSeconds = Number(options.freshSeconds);
    if (!Number.isFinite(stepUpFreshSeconds) || stepUpFreshSeconds <= 0) throw new Error('--fresh-seconds must be a positive number');
    const window = windowOf(options);
    const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
    warnUnreadable(unreadable);
    const report = complianceReport(events, { stepUpFreshSeconds }, window);
    if (report.flagged.length > 0 || unreadable.length > 0) process.exitCode = 1;
    const listed = options.all === true ? report.entries : report.flagged;
    switch (formatOf(options)) {
      case 'json':
        return printJson({ ...report, unreadable });
      case 'csv':
        return printCsv(complianceTable(listed));
      case 'text':
        printLines(listed.map(formatComplianceEntry));
        process.stdout.write(
          `${report.deviceChanges} device changes, ${report.compliant} without finding, ${report.flagged.length} flagged (step-ups fresh for ${stepUpFreshSeconds}s${describeWindow(window) === '' ? '' : `, ${describeWindow(window)}`})\n`,
        );
    }
  });
};
