import * as E from 'fp-ts/Either';
import { generateSealKeys, readPrivateKey, readPublicKey } from './keys';

/** Unwraps a Right in a spec, or fails it with the Left's content. */
export const rightOf = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a value: ${JSON.stringify(either.left)}`);
  return either.right;
};

/** A fresh Ed25519 key pair for a spec: the PEM texts and the keys read from them. */
export const testSealKeys = () => {
  const pems = generateSealKeys();
  return { pems, privateKey: rightOf(readPrivateKey(pems.privateKeyPem)), publicKey: rightOf(readPublicKey(pems.publicKeyPem)) };
};
