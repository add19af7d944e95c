import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { sealError, type SealError } from './seal-error';

export type SealKeyPair = Readonly<{ privateKeyPem: string; publicKeyPem: string }>;

/** A fresh Ed25519 key pair: PKCS #8 PEM for the private key, SPKI PEM for the public one. */
export const generateSealKeys = (): SealKeyPair => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

const ed25519 = (key: KeyObject, what: string): E.Either<SealError, KeyObject> =>
  key.asymmetricKeyType === 'ed25519'
    ? E.right(key)
    : E.left(sealError('KEY_NOT_ED25519', `${what} is a ${key.asymmetricKeyType ?? 'symmetric'} key; seals are signed with Ed25519`));

/** The private key of a PEM text, refused unless it is an Ed25519 private key. */
export const readPrivateKey = (pem: string, source = 'the private key'): E.Either<SealError, KeyObject> => {
  try {
    return ed25519(createPrivateKey(pem), source);
  } catch (error) {
    return E.left(sealError('KEY_INVALID', `${source} is not a PEM private key: ${error instanceof Error ? error.message : String(error)}`));
  }
};

/**
 * The public key of a PEM text. A private key is refused here, though Node would derive the
 * public key from it: whoever verifies must never need the key that signs.
 */
export const readPublicKey = (pem: string, source = 'the public key'): E.Either<SealError, KeyObject> => {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return E.left(sealError('KEY_INVALID', `${source} is a private key; give the public key (seal-key.pub.pem) to verify`));
  }
  try {
    return ed25519(createPublicKey(pem), source);
  } catch (error) {
    return E.left(sealError('KEY_INVALID', `${source} is not a PEM public key: ${error instanceof Error ? error.message : String(error)}`));
  }
};

/**
 * `sha256:` and the hex SHA-256 of the public key's SPKI (DER) bytes: what a seal records to
 * say which key signed it. A seal names its key rather than carrying it, because a key carried
 * in the seal would let a forger sign with a key of their own: the verifier must bring the
 * key it trusts, and the fingerprint only lets it say "signed with another key" clearly.
 */
export const keyFingerprint = (key: KeyObject): string => {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return `sha256:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')}`;
};
