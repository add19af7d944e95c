import { emptyTreeRoot, hashChildren, type Digest } from './merkle-hash';

/**
 * The verifier's side of RFC 9162 §2.1.3.2 and §2.1.4.2: it needs only hashes, never the
 * leaves, which is what lets someone check a proof without the store. Sizes may exceed 2^32,
 * so bits are taken with arithmetic rather than JavaScript's 32-bit bitwise operators.
 */

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);
const isPowerOfTwo = (n: number): boolean => {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
};

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Does `auditPath` lead from the leaf at `index` of a tree of `treeSize` leaves to `root`? */
export const verifyInclusion = (
  leafHash: Digest,
  index: number,
  treeSize: number,
  auditPath: readonly Digest[],
  root: Digest,
): boolean => {
  if (!isSize(index) || !isSize(treeSize) || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of auditPath) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
};

/**
 * Does `proof` show that the tree of `oldSize` leaves with root `oldRoot` is a prefix of the
 * tree of `newSize` leaves with root `newRoot`? The empty tree is a prefix of every tree.
 */
export const verifyConsistency = (
  oldSize: number,
  newSize: number,
  proof: readonly Digest[],
  oldRoot: Digest,
  newRoot: Digest,
): boolean => {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (oldSize === 0) return proof.length === 0 && oldRoot.equals(emptyTreeRoot());
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  const [first, ...rest] = path;
  if (first === undefined) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
};
