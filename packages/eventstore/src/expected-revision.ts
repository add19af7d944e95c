import * as E from 'fp-ts/Either';
import type { ExpectedRevision, StoreError } from './port';

/**
 * The one rule every adapter must apply before an append, kept here so that stores which
 * check revisions themselves (in memory, SQLite) cannot drift apart.
 * `actual` is the revision of the stream's last event, or `NO_STREAM` when it has none.
 */
export const checkExpectedRevision = (
  streamName: string,
  expected: ExpectedRevision,
  actual: bigint | 'NO_STREAM',
): E.Either<StoreError, void> =>
  revisionSatisfies(expected, actual)
    ? E.right(undefined)
    : E.left({ kind: 'WrongExpectedRevision', streamName, expected, actual });

const revisionSatisfies = (expected: ExpectedRevision, actual: bigint | 'NO_STREAM'): boolean => {
  switch (expected) {
    case 'ANY':
      return true;
    case 'NO_STREAM':
      return actual === 'NO_STREAM';
    case 'STREAM_EXISTS':
      return actual !== 'NO_STREAM';
    default:
      return actual === expected;
  }
};
