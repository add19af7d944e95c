import type { Command } from 'commander';
import { defaultPolicy } from '@ssp/domain';
import { complianceReport, formatComplianceEntry } from '@ssp/projections';
import { loadDecodedHistory, warnUnreadable } from './history';
import { printJson, printLines } from './output';
import { createProgress } from './progress';

type Options = Readonly<{ store: string; freshSeconds: string; all?: boolean; json?: boolean }>;

export const registerCompliance = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('compliance')
    .description('was every device change authorised by a fresh, completed step-up?')
    .requiredOption(...storeOption)
    .option('--fresh-seconds <n>', 'how long a step-up authorises changes (policy)', String(defaultPolicy.stepUpFreshSeconds))
    .option('--all', 'list every device change, not only the flagged ones')
    .option('--json', 'machine-readable output')
    .action(async (options: Options) => {
      const stepUpFreshSeconds = Number(options.freshSeconds);
      if (!Number.isFinite(stepUpFreshSeconds) || stepUpFreshSeconds <= 0) throw new Error('--fresh-seconds must be a positive number');
      const { events, unreadable } = await loadDecodedHistory(options.store, createProgress());
      warnUnreadable(unreadable);
      const report = complianceReport(events, { stepUpFreshSeconds });
      if (report.flagged.length > 0 || unreadable.length > 0) process.exitCode = 1;
      if (options.json === true) return printJson({ ...report, unreadable });
      printLines((options.all === true ? report.entries : report.flagged).map(formatComplianceEntry));
      process.stdout.write(
        `${report.deviceChanges} device changes, ${report.compliant} without finding, ${report.flagged.length} flagged (step-ups fresh for ${stepUpFreshSeconds}s)\n`,
      );
    });
};
