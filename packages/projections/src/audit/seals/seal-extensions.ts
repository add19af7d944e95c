import { fromHex, toHex, type Digest } from './merkle-hash';
import { consistencyProof } from './merkle-tree';
import { verifyConsistency } from './merkle-verify';
import type { SealFile } from './seal-file';

/**
 * `EXTENDS`: a consistency proof built from the history shows the later seal's tree has the
 * earlier one as its prefix. `FORKED`: the history matches the later seal but not the earlier:
 * events the earlier seal covered were changed before the later seal was made. `UNPROVEN`:
 * the history matches neither, or is shorter than the later seal, so no proof can be built.
 */
export type ExtensionStatus = 'EXTENDS' | 'FORKED' | 'UNPROVEN';

export type ExtensionCheck = Readonly<{
  earlier: string;
  later: string;
  status: ExtensionStatus;
  detail: string;
  /** The consistency proof (hex), which anyone can check against the two sealed roots alone. */
  proof: readonly string[];
}>;

type Checked = Readonly<{ source: string; seal: SealFile }>;
type Status = Readonly<{ status: string }>;

const extension = (
  leaves: readonly Digest[],
  earlier: Checked,
  later: Checked,
  laterMatches: boolean,
): ExtensionCheck => {
  const m = earlier.seal.treeHead.treeSize;
  const n = later.seal.treeHead.treeSize;
  const result = (status: ExtensionStatus, detail: string, proof: readonly Digest[] = []): ExtensionCheck => ({
    earlier: earlier.source,
    later: later.source,
    status,
    detail,
    proof: proof.map(toHex),
  });
  const proof = consistencyProof(leaves, m, n);
  if (proof === undefined) return result('UNPROVEN', `the history has ${leaves.length} events, fewer than the ${n} sealed: no proof that ${later.source} extends ${earlier.source} can be built`);
  const oldRoot = fromHex(earlier.seal.treeHead.rootHash);
  const newRoot = fromHex(later.seal.treeHead.rootHash);
  if (oldRoot !== undefined && newRoot !== undefined && verifyConsistency(m, n, proof, oldRoot, newRoot)) {
    return result('EXTENDS', `${later.source} (${n} events) extends ${earlier.source} (${m} events): a consistency proof of ${proof.length} hashes checks against both sealed roots`, proof);
  }
  return laterMatches
    ? result('FORKED', `${later.source} does not extend ${earlier.source}: the history it sealed differs within the first ${m} events from what ${earlier.source} sealed (a forked history, re-sealed)`, proof)
    : result('UNPROVEN', `the history matches neither ${earlier.source} nor ${later.source}, so it cannot show that one extends the other`, proof);
};

/** Each seal against the next larger one, in order of size. `checks[i]` is the check of `seals[i]`. */
export const checkExtensions = (leaves: readonly Digest[], seals: readonly Checked[], checks: readonly Status[]): readonly ExtensionCheck[] =>
  seals.slice(1).flatMap((later, index) => {
    const earlier = seals[index];
    return earlier === undefined ? [] : [extension(leaves, earlier, later, checks[index + 1]?.status === 'INTACT')];
  });
