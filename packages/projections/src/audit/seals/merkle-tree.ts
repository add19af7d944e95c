import { emptyTreeRoot, hashChildren, type Digest } from './merkle-hash';

/**
 * The Merkle tree of RFC 9162 §2.1 over a list of leaf hashes, with the audit paths and
 * consistency proofs a verifier needs. Every function takes the leaves and the bounds of the
 * subtree it works on, so nothing is copied, and each walks the tree once (linear in leaves).
 */

/** The largest power of two strictly below `n` (n > 1): where the RFC's tree splits. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[start:end]). */
const subtreeRoot = (leaves: readonly Digest[], start: number, end: number): Digest => {
  const size = end - start;
  if (size === 0) return emptyTreeRoot();
  if (size === 1) return leaves[start] ?? emptyTreeRoot();
  const k = splitPoint(size);
  return hashChildren(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
};

/** The root of the tree over the first `size` leaves (all of them by default). */
export const merkleRoot = (leaves: readonly Digest[], size: number = leaves.length): Digest =>
  subtreeRoot(leaves, 0, Math.min(size, leaves.length));

/** PATH(m, D[start:end]), RFC 9162 §2.1.3.1: the siblings from the leaf up to the root. */
const path = (leaves: readonly Digest[], m: number, start: number, end: number): Digest[] => {
  const size = end - start;
  if (size <= 1) return [];
  const k = splitPoint(size);
  return m < k
    ? [...path(leaves, m, start, start + k), subtreeRoot(leaves, start + k, end)]
    : [...path(leaves, m - k, start + k, end), subtreeRoot(leaves, start, start + k)];
};

/**
 * The audit path of leaf `index` in the tree over the first `treeSize` leaves, or undefined
 * when there is no such leaf.
 */
export const inclusionProof = (leaves: readonly Digest[], index: number, treeSize: number = leaves.length): readonly Digest[] | undefined =>
  Number.isInteger(index) && index >= 0 && index < treeSize && treeSize <= leaves.length ? path(leaves, index, 0, treeSize) : undefined;

/** SUBPROOF(m, D[start:end], b), RFC 9162 §2.1.4.1. */
const subproof = (leaves: readonly Digest[], m: number, start: number, end: number, startsAtOldRoot: boolean): Digest[] => {
  const size = end - start;
  if (m === size) return startsAtOldRoot ? [] : [subtreeRoot(leaves, start, end)];
  const k = splitPoint(size);
  return m <= k
    ? [...subproof(leaves, m, start, start + k, startsAtOldRoot), subtreeRoot(leaves, start + k, end)]
    : [...subproof(leaves, m - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
};

/**
 * The proof that the tree over the first `oldSize` leaves is a prefix of the tree over the
 * first `newSize`: empty when the sizes are equal or the old tree is empty (there is nothing
 * to prove), undefined when the sizes make no sense for these leaves.
 */
export const consistencyProof = (leaves: readonly Digest[], oldSize: number, newSize: number = leaves.length): readonly Digest[] | undefined => {
  if (!Number.isInteger(oldSize) || !Number.isInteger(newSize) || oldSize < 0 || oldSize > newSize || newSize > leaves.length) return undefined;
  return oldSize === 0 || oldSize === newSize ? [] : subproof(leaves, oldSize, 0, newSize, true);
};
