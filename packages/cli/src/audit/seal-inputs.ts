import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { parseSealFile, readPrivateKey, readPublicKey, type LabelledSeal, type SealError } from '@ssp/projections';
import { userPath } from '../stores';

/**
 * The files an auditor hands to the seal commands, read before the store is opened, so that a
 * mistyped path or a bad file is named at once. A refusal is thrown as an Error, which `ssp`
 * prints and exits 1 on, as for every other bad argument.
 */
const readText = (file: string, what: string): string => {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch (error) {
    throw new Error(`cannot read the ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

const orFail = <A>(either: E.Either<SealError, A>): A => {
  if (E.isLeft(either)) throw new Error(`${either.left.message} (${either.left.code})`);
  return either.right;
};

export const loadPrivateKey = (file: string): KeyObject => orFail(readPrivateKey(readText(file, 'private key'), file));

export const loadPublicKey = (file: string): KeyObject => orFail(readPublicKey(readText(file, 'public key'), file));

export const loadSeals = (files: readonly string[]): readonly LabelledSeal[] =>
  files.map((file) => ({ source: file, seal: orFail(parseSealFile(readText(file, 'seal'), file)) }));
