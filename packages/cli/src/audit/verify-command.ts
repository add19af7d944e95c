import type { Command } from 'commander';
import { verifyAgainstSeals, verifyHistory } from '@ssp/projections';
import { loadHistory } from './history';
import { printJson, printLines } from './output';
import { createProgress } from './progress';
import { sealReportLines } from './seal-report';
import { loadPublicKey, loadSeals } from './seal-inputs';

type Options = Readonly<{ store: string; json?: boolean; seal?: readonly string[]; publicKey?: string }>;

export const registerVerify = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('verify')
    .description('has anything in the history been altered, removed, inserted or reordered since it was written (or since it was sealed)?')
    .requiredOption(...storeOption)
    .option('--seal <file...>', 'seal files (from `ssp audit seal`): prove the history up to each is exactly what was sealed')
    .option('--public-key <file>', 'the public key that checks the seals (seal-key.pub.pem)')
    .option('--json', 'machine-readable output (includes each stream\'s seal: length and last hash)')
    .action(async (options: Options) => {
      const sealFiles = options.seal ?? [];
      if (sealFiles.length > 0 && options.publicKey === undefined) throw new Error('--seal needs --public-key <file>: a seal proves nothing without the key that checks it');
      if (sealFiles.length === 0 && options.publicKey !== undefined) throw new Error('--public-key is for checking seals: give them with --seal <file…>');
      // Seal files and key are read first: a bad one is named before the store is read.
      const seals = loadSeals(sealFiles);
      const publicKey = options.publicKey === undefined ? undefined : loadPublicKey(options.publicKey);
      const progress = createProgress();
      const history = await loadHistory(options.store, progress);
      const report = verifyHistory(history, progress.phase('checking hashes', history.length));
      const sealed = publicKey === undefined ? undefined : verifyAgainstSeals(history, seals, publicKey, progress.phase('checking seals', history.length));
      progress.stop();
      if (!report.intact || sealed?.intact === false) process.exitCode = 1;
      if (options.json === true) return printJson(sealed === undefined ? report : { ...report, signedSeals: sealed });
      printLines(report.findings.map((f) => `${f.kind.padEnd(9)} ${f.streamName}@${f.revision} (event ${f.eventId}): ${f.detail}`));
      process.stdout.write(
        report.intact
          ? `history intact: ${report.events} events in ${report.streams} streams, every hash and link checks out\n`
          : `history ALTERED: ${report.findings.length} of ${report.streams} streams broken (${report.events} events checked)\n`,
      );
      if (sealed === undefined) return;
      printLines(sealReportLines(sealed));
      process.stdout.write(
        sealed.intact
          ? `seals hold: the history up to the last seal is exactly what was sealed\n`
          : `seals BROKEN: the history is not what was sealed (see above)\n`,
      );
    });
};
