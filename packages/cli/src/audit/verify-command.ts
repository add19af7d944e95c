import type { Command } from 'commander';
import { verifyHistory } from '@ssp/projections';
import { loadHistory } from './history';
import { printJson, printLines } from './output';
import { createProgress } from './progress';

type Options = Readonly<{ store: string; json?: boolean }>;

export const registerVerify = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('verify')
    .description('has anything in the history been altered, removed, inserted or reordered since it was written?')
    .requiredOption(...storeOption)
    .option('--json', 'machine-readable output (includes each stream\'s seal: length and last hash)')
    .action(async (options: Options) => {
      const progress = createProgress();
      const history = await loadHistory(options.store, progress);
      const report = verifyHistory(history, progress.phase('checking hashes', history.length));
      progress.stop();
      if (!report.intact) process.exitCode = 1;
      if (options.json === true) return printJson(report);
      printLines(report.findings.map((f) => `${f.kind.padEnd(9)} ${f.streamName}@${f.revision} (event ${f.eventId}): ${f.detail}`));
      process.stdout.write(
        report.intact
          ? `history intact: ${report.events} events in ${report.streams} streams, every hash and link checks out\n`
          : `history ALTERED: ${report.findings.length} of ${report.streams} streams broken (${report.events} events checked)\n`,
      );
    });
};
