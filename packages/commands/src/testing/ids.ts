import { createHash } from 'node:crypto';

/** Lays 32 hex digits out as a version-4 UUID, which the contract's `Uuid` codec accepts. */
const asUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** A stable UUID named by a label: `idOf('alice')` is the same id in every test and every run. */
export const idOf = (label: string): string => asUuid(createHash('sha256').update(label, 'utf8').digest('hex'));

/**
 * Ids in order, for the handler's `newId`: `00000000-0000-4000-8000-000000000001`, `…02`, …
 * Readable in a failing assertion, and the same from run to run.
 */
export const sequentialIds = (): (() => string) => {
  let next = 0;
  return () => {
    next += 1;
    return asUuid(next.toString(16).padStart(32, '0'));
  };
};
