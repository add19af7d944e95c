import { createHash } from 'node:crypto';

/** A SHA-256 digest: a leaf's hash, a subtree's root or a tree's root. */
export type Digest = Buffer;

// RFC 9162 §2.1.1: the one-byte prefixes keep a leaf from ever hashing like an interior node,
// so no one can pass two subtree roots off as a leaf (a second-preimage attack on the tree).
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const hashLeaf = (bytes: Uint8Array): Digest => createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();

export const hashChildren = (left: Digest, right: Digest): Digest =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/** The root of the tree over no leaf: the hash of the empty string (RFC 9162 §2.1.1). */
export const emptyTreeRoot = (): Digest => createHash('sha256').digest();

export const toHex = (digest: Digest): string => digest.toString('hex');

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A digest from its hex text, or undefined when the text is not 64 lower-case hex digits. */
export const fromHex = (text: string): Digest | undefined => (SHA256_HEX.test(text) ? Buffer.from(text, 'hex') : undefined);

export const isSha256Hex = (text: string): boolean => SHA256_HEX.test(text);
