import type { Position } from './port';

export const positionOf = (sequence: bigint): Position => ({ commit: sequence, prepare: sequence });

/** Negative when `a` comes before `b`: commit first, then prepare, as EventStoreDB orders them. */
export const comparePositions = (a: Position, b: Position): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;

/** A checkpoint's text form, `commit/prepare`, safe to store in JSON or a text column. */
export const serialisePosition = (position: Position): string => `${position.commit}/${position.prepare}`;

export const parsePosition = (text: string): Position | undefined => {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { commit: BigInt(match[1]), prepare: BigInt(match[2]) }
    : undefined;
};

/**
 * For stores whose positions are `positionOf(sequence)`, sequences 1, 2, 3… (in memory,
 * SQLite): the first sequence at or after (`inclusive`, reads) or strictly after (`exclusive`,
 * subscriptions) a position. A position such a store never hands out (commit ≠ prepare) still
 * has its place in the order of `comparePositions`, so every such store starts at the same event.
 */
export const firstSequenceFrom = (position: Position | 'start', bound: 'inclusive' | 'exclusive'): bigint => {
  if (position === 'start') return 1n;
  const { commit, prepare } = position;
  const includesCommit = bound === 'inclusive' ? prepare <= commit : prepare < commit;
  const first = includesCommit ? commit : commit + 1n;
  return first < 1n ? 1n : first;
};
