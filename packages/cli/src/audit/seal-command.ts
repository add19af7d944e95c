import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { formatSealFile, sealTreeHead, treeHeadOf } from '@ssp/projections';
import { userPath } from '../stores';
import { loadHistory } from './history';
import { printJson } from './output';
import { createProgress } from './progress';
import { loadPrivateKey } from './seal-inputs';

type Options = Readonly<{ store: string; key: string; out: string; json?: boolean }>;

export const registerSeal = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('seal')
    .description('sign the head of the log now, to keep outside the store: later, verify --seal proves nothing before it changed')
    .requiredOption(...storeOption)
    .requiredOption('--key <file>', 'the private key that signs (seal-key.pem, from `ssp audit keys`)')
    .requiredOption('--out <file>', 'the seal file to write (never overwritten)')
    .option('--json', 'machine-readable output (the seal itself)')
    .action(async (options: Options) => {
      const privateKey = loadPrivateKey(options.key);
      const progress = createProgress();
      const history = await loadHistory(options.store, progress);
      // The one clock of sealing: the core takes the time as given.
      const treeHead = treeHeadOf(history, { sealedAt: new Date().toISOString(), store: options.store }, progress.phase('hashing events', history.length));
      progress.stop();
      const seal = sealTreeHead(treeHead, privateKey);
      if (E.isLeft(seal)) throw new Error(seal.left.message);
      const path = userPath(options.out);
      try {
        writeFileSync(path, formatSealFile(seal.right), { flag: 'wx' });
      } catch (error) {
        throw new Error(`cannot write the seal ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (options.json === true) return printJson(seal.right);
      process.stdout.write(
        `sealed ${treeHead.treeSize} events (last position ${treeHead.lastPosition ?? 'none'}) at ${treeHead.sealedAt}\n` +
          `root ${treeHead.rootHash}\n` +
          `seal written to ${options.out}: keep it outside the store (a file elsewhere, a ticket, an email)\n`,
      );
    });
};
