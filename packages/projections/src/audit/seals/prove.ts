import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@ssp/eventstore';
import { leafBytes, leafContent, leavesOf, type LeafContent } from './leaf';
import { fromHex, hashLeaf, toHex } from './merkle-hash';
import { inclusionProof } from './merkle-tree';
import { verifyInclusion } from './merkle-verify';
import type { SealFile } from './seal-file';
import { sealError, type SealError } from './seal-error';
import { checkSealSignature, type SignatureCheck } from './signature';

export const INCLUSION_PROOF_FORMAT = 'ssp-inclusion-proof/1';

/**
 * Everything needed to show that one event is in a sealed history, without the rest of the
 * history: the event as it was hashed, its place among the sealed leaves, the audit path
 * from it to the root, and the seal that signs the root.
 */
export type InclusionProofDocument = Readonly<{
  format: typeof INCLUSION_PROOF_FORMAT;
  event: LeafContent;
  leafHash: string;
  /** 0-based place of the event in the global order. */
  leafIndex: number;
  treeSize: number;
  /** Hex SHA-256 hashes, from the leaf's sibling up to the root's child. */
  auditPath: readonly string[];
  seal: SealFile;
}>;

/** Builds the proof that the event `eventId` is among the events `seal` covers. */
export const proveEvent = (history: readonly RecordedEvent[], eventId: string, seal: SealFile): E.Either<SealError, InclusionProofDocument> => {
  const index = history.findIndex((event) => event.eventId === eventId);
  const event = history[index];
  if (event === undefined) return E.left(sealError('EVENT_NOT_FOUND', `event ${eventId} is not in the history`));
  const { treeSize } = seal.treeHead;
  if (index >= treeSize) {
    return E.left(sealError('EVENT_NOT_SEALED', `event ${eventId} is event ${index + 1} of the history, after the ${treeSize} events the seal covers: it is unsealed`));
  }
  const leaves = leavesOf(history.slice(0, treeSize));
  const path = inclusionProof(leaves, index, treeSize);
  if (path === undefined) {
    return E.left(sealError('HISTORY_SHORTER_THAN_SEAL', `the history has ${history.length} events, fewer than the ${treeSize} sealed: no proof can be built from it`));
  }
  const content = leafContent(event);
  return E.right({
    format: INCLUSION_PROOF_FORMAT,
    event: content,
    leafHash: toHex(hashLeaf(leafBytes(content))),
    leafIndex: index,
    treeSize,
    auditPath: path.map(toHex),
    seal,
  });
};

export type InclusionProofCheck = Readonly<{
  signature: SignatureCheck;
  /** The event's content hashes to the leaf hash the proof names. */
  leafMatches: boolean;
  /** The audit path leads from the leaf to the sealed root. */
  pathLeadsToRoot: boolean;
  /** All three: the event is in the sealed history, as the holder of the key sealed it. */
  verified: boolean;
}>;

/** Checks a proof with the public key alone: no store is needed. */
export const checkInclusionProof = (proof: InclusionProofDocument, publicKey: KeyObject): InclusionProofCheck => {
  const signature = checkSealSignature(proof.seal, publicKey);
  const leafHash = hashLeaf(leafBytes(proof.event));
  const leafMatches = toHex(leafHash) === proof.leafHash;
  const root = fromHex(proof.seal.treeHead.rootHash);
  const path = proof.auditPath.map(fromHex);
  const hashes = path.flatMap((digest) => (digest === undefined ? [] : [digest]));
  const pathLeadsToRoot =
    root !== undefined &&
    hashes.length === path.length &&
    proof.treeSize === proof.seal.treeHead.treeSize &&
    verifyInclusion(leafHash, proof.leafIndex, proof.treeSize, hashes, root);
  return { signature, leafMatches, pathLeadsToRoot, verified: signature === 'VALID' && leafMatches && pathLeadsToRoot };
};
