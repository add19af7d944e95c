import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import * as E from 'fp-ts/Either';
import { generateSealKeys, keyFingerprint, readPublicKey } from '@ssp/projections';
import { userPath } from '../stores';
import { printJson } from './output';

type Options = Readonly<{ out: string; json?: boolean }>;

const PRIVATE_KEY_FILE = 'seal-key.pem';
const PUBLIC_KEY_FILE = 'seal-key.pub.pem';

/** Writes a file that must not exist yet: a key pair is never overwritten, or its seals would be orphaned. */
const writeNew = (path: string, text: string, mode: number): void => {
  try {
    writeFileSync(path, text, { mode, flag: 'wx' });
  } catch (error) {
    const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
    throw new Error(exists ? `${path} exists already: keys are never overwritten (move it away first)` : `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

export const registerKeys = (audit: Command): void => {
  audit
    .command('keys')
    .description('make the Ed25519 key pair that signs seals: keep the private key away from whoever writes the store')
    .requiredOption('--out <dir>', `the directory to write ${PRIVATE_KEY_FILE} (private, mode 0600) and ${PUBLIC_KEY_FILE} into`)
    .option('--json', 'machine-readable output')
    .action((options: Options) => {
      const directory = userPath(options.out);
      mkdirSync(directory, { recursive: true, mode: 0o700 });
      const keys = generateSealKeys();
      const privatePath = join(directory, PRIVATE_KEY_FILE);
      const publicPath = join(directory, PUBLIC_KEY_FILE);
      writeNew(privatePath, keys.privateKeyPem, 0o600);
      writeNew(publicPath, keys.publicKeyPem, 0o644);
      const publicKey = readPublicKey(keys.publicKeyPem);
      const fingerprint = E.isRight(publicKey) ? keyFingerprint(publicKey.right) : 'unknown';
      if (options.json === true) return printJson({ privateKey: privatePath, publicKey: publicPath, fingerprint });
      process.stdout.write(
        `private key: ${privatePath} (mode 0600: signs seals; keep it away from whoever writes the store)\n` +
          `public key:  ${publicPath} (verifies seals; give it to every auditor)\n` +
          `fingerprint: ${fingerprint}\n`,
      );
    });
};
