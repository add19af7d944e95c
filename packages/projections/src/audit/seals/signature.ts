import { sign, verify, type KeyObject } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { keyFingerprint } from './keys';
import { SEAL_FORMAT, type SealFile } from './seal-file';
import { sealError, type SealError } from './seal-error';
import { treeHeadBytes, type TreeHead } from './tree-head';

/** Signs a tree head with an Ed25519 private key (as `readPrivateKey` gives it): the seal. */
export const sealTreeHead = (treeHead: TreeHead, privateKey: KeyObject): E.Either<SealError, SealFile> => {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    return E.left(sealError('KEY_NOT_ED25519', 'seals are signed with an Ed25519 private key'));
  }
  return E.right({
    format: SEAL_FORMAT,
    algorithm: 'Ed25519',
    treeHead,
    signature: sign(null, treeHeadBytes(treeHead), privateKey).toString('base64'),
    publicKey: keyFingerprint(privateKey),
  });
};

/**
 * Whether the seal was signed by the holder of the private key that goes with `publicKey`,
 * over exactly this tree head. `WRONG_KEY`: the seal names another key (it may be genuine,
 * but not from whom the auditor trusts). `BAD_SIGNATURE`: the seal names this key but the
 * signature does not match: the seal was altered, or forged.
 */
export type SignatureCheck = 'VALID' | 'WRONG_KEY' | 'BAD_SIGNATURE';

export const checkSealSignature = (seal: SealFile, publicKey: KeyObject): SignatureCheck => {
  if (seal.publicKey !== keyFingerprint(publicKey)) return 'WRONG_KEY';
  return verify(null, treeHeadBytes(seal.treeHead), publicKey, Buffer.from(seal.signature, 'base64')) ? 'VALID' : 'BAD_SIGNATURE';
};
