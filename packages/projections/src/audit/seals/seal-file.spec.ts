import * as E from 'fp-ts/Either';
import { generateKeyPairSync } from 'node:crypto';
import { generateSealKeys, keyFingerprint, readPrivateKey, readPublicKey } from './keys';
import { formatSealFile, parseSealFile, type SealFile } from './seal-file';
import { checkSealSignature, sealTreeHead } from './signature';
import type { TreeHead } from './tree-head';
import { rightOf, testSealKeys } from './test-keys';

const head: TreeHead = {
  treeSize: 3,
  rootHash: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  lastPosition: '3/3',
  sealedAt: '2026-11-28T10:00:00.000Z',
  store: 'sqlite:story.sqlite',
};

const { pems: keys, privateKey, publicKey } = testSealKeys();
const sealed = (): SealFile => rightOf(sealTreeHead(head, privateKey));

describe('seal files', () => {
  it('given a tree head sealed with a key, when its file is read back and checked with the public key, then the signature is valid', () => {
    const seal = rightOf(parseSealFile(formatSealFile(sealed())));
    expect(seal).toEqual({ format: 'ssp-seal/1', algorithm: 'Ed25519', treeHead: head, signature: expect.any(String), publicKey: keyFingerprint(publicKey) });
    expect(checkSealSignature(seal, publicKey)).toBe('VALID');
  });

  it.each<[string, (head: TreeHead) => TreeHead]>([
    ['its size', (h) => ({ ...h, treeSize: h.treeSize + 1 })],
    ['its root', (h) => ({ ...h, rootHash: h.rootHash.replace(/^a/, 'b') })],
    ['its time', (h) => ({ ...h, sealedAt: '2026-11-28T10:00:01.000Z' })],
    ['its last position', (h) => ({ ...h, lastPosition: '4/4' })],
  ])('given a seal whose tree head was edited (%s), when checked, then its signature is bad', (_what, edit) => {
    const seal = sealed();
    expect(checkSealSignature({ ...seal, treeHead: edit(seal.treeHead) }, publicKey)).toBe('BAD_SIGNATURE');
  });

  it('given a seal signed with another key, when checked with the trusted public key, then it is signed with the wrong key', () => {
    const other = generateSealKeys();
    const seal = rightOf(sealTreeHead(head, rightOf(readPrivateKey(other.privateKeyPem))));
    expect(checkSealSignature(seal, publicKey)).toBe('WRONG_KEY');
  });

  it('given a forger who signs with their own key but names the trusted key, when checked, then the signature is bad', () => {
    const forger = rightOf(readPrivateKey(generateSealKeys().privateKeyPem));
    const forged = { ...rightOf(sealTreeHead(head, forger)), publicKey: keyFingerprint(publicKey) };
    expect(checkSealSignature(forged, publicKey)).toBe('BAD_SIGNATURE');
  });

  it.each<[string, string, string]>([
    ['text that is not JSON', 'seal of tuesday', 'SEAL_NOT_JSON'],
    ['JSON of another format', JSON.stringify({ format: 'x509' }), 'SEAL_INVALID'],
    ['JSON with no format', '[1, 2]', 'SEAL_INVALID'],
  ])('given %s, when read as a seal, then it is refused', (_what, text, code) => {
    expect(parseSealFile(text, 'week-48.seal.json')).toEqual(E.left({ code, message: expect.stringContaining('week-48.seal.json') }));
  });

  it('given a seal with a field missing and one malformed, when read, then the error names both fields', () => {
    const { signature: _dropped, ...rest } = sealed();
    const text = JSON.stringify({ ...rest, treeHead: { ...head, treeSize: -1 } });
    const error = parseSealFile(text);
    expect(error).toEqual(E.left({ code: 'SEAL_INVALID', message: expect.stringContaining('treeHead.treeSize must be a whole number of events') }));
    expect(error).toEqual(E.left(expect.objectContaining({ message: expect.stringContaining('signature is required') })));
  });

  it('given key files of the wrong kind, when read, then each is refused saying why', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(readPublicKey(keys.privateKeyPem)).toEqual(E.left(expect.objectContaining({ code: 'KEY_INVALID', message: expect.stringContaining('is a private key') })));
    expect(readPrivateKey(keys.publicKeyPem)).toEqual(E.left(expect.objectContaining({ code: 'KEY_INVALID' })));
    expect(readPublicKey('not a key')).toEqual(E.left(expect.objectContaining({ code: 'KEY_INVALID' })));
    expect(readPublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual(
      E.left({ code: 'KEY_NOT_ED25519', message: expect.stringContaining('rsa') }),
    );
  });
});
