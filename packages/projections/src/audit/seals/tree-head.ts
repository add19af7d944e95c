import { canonicalJson, serialisePosition, type RecordedEvent } from '@ssp/eventstore';
import { leavesOf } from './leaf';
import { toHex, type Digest } from './merkle-hash';
import { merkleRoot } from './merkle-tree';

/**
 * The head of the log at one moment, as RFC 9162's signed tree head: how many events, the
 * Merkle root over them, and where the last one stands in the global order. `sealedAt` is
 * given by the caller (the core reads no clock); `store` says which store was sealed, for the
 * reader's sake only (a copy of the store elsewhere verifies against the same seal).
 */
export type TreeHead = Readonly<{
  treeSize: number;
  /** Hex SHA-256. */
  rootHash: string;
  /** `commit/prepare` of the last sealed event; null for an empty history. */
  lastPosition: string | null;
  sealedAt: string;
  store: string;
}>;

export type TreeHeadInput = Readonly<{ sealedAt: string; store: string }>;

/** The tree head of a whole history, with its leaves already hashed. */
export const treeHeadOfLeaves = (history: readonly RecordedEvent[], leaves: readonly Digest[], input: TreeHeadInput): TreeHead => {
  const last = history[history.length - 1];
  return {
    treeSize: leaves.length,
    rootHash: toHex(merkleRoot(leaves)),
    lastPosition: last === undefined ? null : serialisePosition(last.position),
    sealedAt: input.sealedAt,
    store: input.store,
  };
};

export const treeHeadOf = (history: readonly RecordedEvent[], input: TreeHeadInput, onProgress?: (done: number) => void): TreeHead =>
  treeHeadOfLeaves(history, leavesOf(history, onProgress), input);

/** The bytes a seal signs: the RFC 8785 text of the tree head, in UTF-8. */
export const treeHeadBytes = (head: TreeHead): Buffer =>
  Buffer.from(
    canonicalJson({ treeSize: head.treeSize, rootHash: head.rootHash, lastPosition: head.lastPosition, sealedAt: head.sealedAt, store: head.store }),
    'utf8',
  );
