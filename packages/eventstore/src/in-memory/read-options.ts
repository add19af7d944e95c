import * as E from 'fp-ts/Either';
import type { StoreError } from '../port';

/** Bad paging arguments are a caller's bug; report them as values rather than guess a meaning. */
export const validMaxCount = (maxCount: number | undefined): E.Either<StoreError, number> =>
  maxCount === undefined
    ? E.right(Number.POSITIVE_INFINITY)
    : Number.isSafeInteger(maxCount) && maxCount >= 0
      ? E.right(maxCount)
      : E.left({ kind: 'Failure', message: `maxCount must be a non-negative integer, got ${maxCount}` });

export const validFromRevision = (fromRevision: bigint | undefined): E.Either<StoreError, bigint> =>
  fromRevision === undefined
    ? E.right(0n)
    : fromRevision >= 0n
      ? E.right(fromRevision)
      : E.left({ kind: 'Failure', message: `fromRevision must not be negative, got ${fromRevision}` });
