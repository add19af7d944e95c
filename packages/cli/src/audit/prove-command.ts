import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { checkInclusionProof, proveEvent } from '@ssp/projections';
import { loadHistory } from './history';
import { parseId, printJson } from './output';
import { createProgress } from './progress';
import { loadPublicKey, loadSeals } from './seal-inputs';

type Options = Readonly<{ store: string; event: string; seal: string; publicKey: string; json?: boolean }>;

export const registerProve = (audit: Command, storeOption: [string, string]): void => {
  audit
    .command('prove')
    .description('prove one event is in a sealed history, with a proof anyone can check against the seal without the store')
    .requiredOption(...storeOption)
    .requiredOption('--event <id>', 'the event to prove (its event id)', parseId)
    .requiredOption('--seal <file>', 'the seal whose history the event should be in')
    .requiredOption('--public-key <file>', 'the public key that checks the seal (seal-key.pub.pem)')
    .option('--json', 'the proof itself, with the event and the seal: enough to check it without the store')
    .action(async (options: Options) => {
      const [labelled] = loadSeals([options.seal]);
      if (labelled === undefined) throw new Error(`cannot read the seal ${options.seal}`);
      const publicKey = loadPublicKey(options.publicKey);
      const progress = createProgress();
      const history = await loadHistory(options.store, progress);
      progress.stop();
      const proof = proveEvent(history, options.event, labelled.seal);
      if (E.isLeft(proof)) throw new Error(`${proof.left.message} (${proof.left.code})`);
      const check = checkInclusionProof(proof.right, publicKey);
      if (!check.verified) process.exitCode = 1;
      if (options.json === true) return printJson({ proof: proof.right, check });
      const { event, leafIndex, treeSize, leafHash, auditPath } = proof.right;
      process.stdout.write(
        [
          `event ${event.eventId}: ${event.streamName}@${event.revision} ${event.type} at position ${event.position}`,
          `leaf ${leafIndex} (0-based) of ${treeSize} sealed events, leaf hash ${leafHash}`,
          `audit path (${auditPath.length} hashes, from the leaf up):`,
          ...auditPath.map((hash) => `  ${hash}`),
          check.verified
            ? `verified: the event is in the history sealed by ${options.seal} (root ${labelled.seal.treeHead.rootHash}, sealed ${labelled.seal.treeHead.sealedAt})`
            : `NOT verified: ${check.signature !== 'VALID' ? `the seal's signature is ${check.signature}` : 'the audit path does not lead to the sealed root: the history differs from what was sealed'}`,
        ].join('\n') + '\n',
      );
    });
};
