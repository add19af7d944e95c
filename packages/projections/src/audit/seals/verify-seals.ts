import type { KeyObject } from 'node:crypto';
import { serialisePosition, type RecordedEvent } from '@ssp/eventstore';
import { leavesOf } from './leaf';
import { fromHex, type Digest } from './merkle-hash';
import { merkleRoot } from './merkle-tree';
import type { SealFile } from './seal-file';
import { checkSealSignature } from './signature';
import { checkExtensions, type ExtensionCheck } from './seal-extensions';

/** A seal and where it came from (its file), to name it in the report. */
export type LabelledSeal = Readonly<{ source: string; seal: SealFile }>;

/**
 * `INTACT`: the history's first `treeSize` events hash to the sealed root. `DIFFERS`: they do
 * not: something before the seal was altered, removed, inserted or moved. `TRUNCATED`: fewer
 * events exist than were sealed. `BAD_SIGNATURE`, `WRONG_KEY`: the seal itself is not to be
 * trusted, so the history is not compared with it.
 */
export type SealStatus = 'INTACT' | 'DIFFERS' | 'TRUNCATED' | 'BAD_SIGNATURE' | 'WRONG_KEY';

export type SealCheck = Readonly<{ source: string; treeSize: number; sealedAt: string; status: SealStatus; detail: string }>;

export type EventPlace = Readonly<{ position: string; streamName: string; revision: string; eventId: string; type: string }>;

export type SealsReport = Readonly<{
  /** Every seal intact, and each later seal proven to extend the one before. */
  intact: boolean;
  events: number;
  /** In the order of their sizes, smallest first. */
  seals: readonly SealCheck[];
  extensions: readonly ExtensionCheck[];
  /** Events after the largest trusted seal: nothing yet vouches for them. */
  unsealed: readonly EventPlace[];
}>;

export const placeOf = (event: RecordedEvent): EventPlace => ({
  position: serialisePosition(event.position),
  streamName: event.streamName,
  revision: event.revision.toString(),
  eventId: event.eventId,
  type: event.type,
});

const missing = (count: number): string => (count === 1 ? '1 event is missing' : `${count} events are missing`);

const isTrusted = (check: SealCheck): boolean => check.status !== 'BAD_SIGNATURE' && check.status !== 'WRONG_KEY';

/** Between which events a change must lie, when a smaller seal still holds. */
const narrowing = (history: readonly RecordedEvent[], intactSize: number, size: number): string => {
  const first = history[intactSize];
  const last = history[size - 1];
  if (intactSize === 0 || first === undefined || last === undefined) return '';
  return `; the seal of ${intactSize} events before it holds, so the change lies in events ${intactSize + 1} to ${size} (positions ${placeOf(first).position} to ${placeOf(last).position})`;
};

const checkSeal = (
  { source, seal }: LabelledSeal,
  history: readonly RecordedEvent[],
  leaves: readonly Digest[],
  publicKey: KeyObject,
  largestIntact: number,
): SealCheck => {
  const { treeSize, sealedAt, rootHash } = seal.treeHead;
  const check = (status: SealStatus, detail: string): SealCheck => ({ source, treeSize, sealedAt, status, detail });
  const signature = checkSealSignature(seal, publicKey);
  if (signature === 'WRONG_KEY') return check('WRONG_KEY', `signed with another key (${seal.publicKey}), not the public key given: it proves nothing to whoever trusts that key`);
  if (signature === 'BAD_SIGNATURE') return check('BAD_SIGNATURE', 'its signature does not match its tree head: the seal was altered or forged, and proves nothing');
  if (leaves.length < treeSize) {
    return check('TRUNCATED', `the history is shorter than the sealed size: ${missing(treeSize - leaves.length)} (truncated or deleted)`);
  }
  const sealedRoot = fromHex(rootHash);
  if (sealedRoot !== undefined && merkleRoot(leaves, treeSize).equals(sealedRoot)) return check('INTACT', `the first ${treeSize} events are exactly what was sealed`);
  return check('DIFFERS', `the history up to this seal differs from what was sealed: the first ${treeSize} events no longer hash to the sealed root${narrowing(history, largestIntact, treeSize)}`);
};

/**
 * Checks a history against seals made of it earlier, with the public key that goes with the
 * signing key. Each seal is checked on its own (signature, then the root over its first
 * `treeSize` events), then each later seal is proven to extend the one before it.
 */
export const verifyAgainstSeals = (
  history: readonly RecordedEvent[],
  seals: readonly LabelledSeal[],
  publicKey: KeyObject,
  onProgress?: (eventsHashed: number) => void,
): SealsReport => {
  const leaves = leavesOf(history, onProgress);
  const ordered = [...seals].sort((a, b) => a.seal.treeHead.treeSize - b.seal.treeHead.treeSize);
  const checks: SealCheck[] = [];
  let largestIntact = 0;
  for (const labelled of ordered) {
    const check = checkSeal(labelled, history, leaves, publicKey, largestIntact);
    if (check.status === 'INTACT') largestIntact = check.treeSize;
    checks.push(check);
  }
  const trusted = ordered.filter((_seal, index) => {
    const check = checks[index];
    return check !== undefined && isTrusted(check);
  });
  const extensions = checkExtensions(leaves, trusted, checks.filter(isTrusted));
  const sealedSize = Math.max(0, ...trusted.map(({ seal }) => seal.treeHead.treeSize));
  return {
    intact: checks.every((check) => check.status === 'INTACT') && extensions.every((extension) => extension.status === 'EXTENDS'),
    events: history.length,
    seals: checks,
    extensions,
    unsealed: history.slice(sealedSize).map(placeOf),
  };
};
