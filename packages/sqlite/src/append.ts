import * as E from 'fp-ts/Either';
import type Database from 'better-sqlite3';
import { checkExpectedRevision, filterableCategoryOf, positionOf } from '@ssp/eventstore';
import type { AppendResult, ExpectedRevision, NewEvent, StoreError } from '@ssp/eventstore';
import { isTooBig, messageOf, storeErrorFrom } from './errors';

/** Revision and position of the stream's last event; undefined when the stream has none. */
type StreamHead = Readonly<{ revision: bigint; position: bigint }>;

/**
 * What an append of nothing reports: the stream as it stands. A stream without events has
 * next expected revision -1 (so that "last revision + 1" is the first revision, 0) and the
 * position before the first event.
 */
const resultForHead = (head: StreamHead | undefined): AppendResult =>
  head === undefined
    ? { nextExpectedRevision: -1n, position: positionOf(0n) }
    : { nextExpectedRevision: head.revision, position: positionOf(head.position) };

/** Only `<category>-<id>` names have a category a filter can select (see the schema). */
const categoryColumnOf = (streamName: string): string | null => filterableCategoryOf(streamName) ?? null;

export type AppendRequest = Readonly<{ streamName: string; events: readonly NewEvent[]; expectedRevision: ExpectedRevision }>;

export type Appender = Readonly<{
  /** One append in a transaction of its own. */
  one: (request: AppendRequest) => E.Either<StoreError, AppendResult>;
  /**
   * Several appends in one transaction, one commit (one fsync at `synchronous = FULL`) for all:
   * each runs in a savepoint of its own, so it succeeds or fails alone, exactly as if the
   * appends had run one after the other in this order; none is durable before the commit, and
   * if the commit fails, all fail.
   */
  group: (requests: readonly AppendRequest[]) => ReadonlyArray<E.Either<StoreError, AppendResult>>;
}>;

const failureOf = (error: unknown, streamName: string): StoreError =>
  isTooBig(error) ? { kind: 'AppendTooLarge', streamName, message: messageOf(error) } : storeErrorFrom(error, `appending to ${streamName}`);

export const prepareAppender = (connection: Database.Database): Appender => {
  const selectHead = connection
    .prepare<[string], StreamHead>(
      `SELECT stream_revision AS revision, position FROM events
       WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1`,
    )
    .safeIntegers(true);
  const insertEvent = connection
    .prepare<[string, string, string | null, bigint, string, string, string]>(
      `INSERT INTO events (event_id, stream_name, stream_category, stream_revision, event_type, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .safeIntegers(true);

  // The check and the inserts run in one transaction started with BEGIN IMMEDIATE, which
  // takes SQLite's write lock before reading the head. Another connection, in this process or
  // another, cannot append between our check and our insert: it waits for the lock (up to
  // busy_timeout) and then sees our events, so of two writers expecting the same revision
  // exactly one wins. A refused expectation returns before writing, so committing is a no-op.
  const appendInTransaction = connection.transaction(
    (streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): E.Either<StoreError, AppendResult> => {
      const head = selectHead.get(streamName);
      // The rule itself is shared with the other stores, so they cannot drift apart.
      const checked = checkExpectedRevision(streamName, expected, head?.revision ?? 'NO_STREAM');
      if (E.isLeft(checked)) return checked;
      if (events.length === 0) return E.right(resultForHead(head));
      const category = categoryColumnOf(streamName);
      let revision = head === undefined ? -1n : head.revision;
      let position = 0n;
      for (const event of events) {
        revision += 1n;
        const inserted = insertEvent.run(
          event.eventId,
          streamName,
          category,
          revision,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        );
        position = BigInt(inserted.lastInsertRowid);
      }
      return E.right({ nextExpectedRevision: revision, position: positionOf(position) });
    },
  );

  // Called inside another transaction, better-sqlite3 runs a transaction function in a
  // savepoint, and rolls back to it if the function throws.
  const inGroup = connection.transaction((requests: readonly AppendRequest[]) =>
    requests.map(({ streamName, events, expectedRevision }) => {
      try {
        return appendInTransaction(streamName, events, expectedRevision);
      } catch (error) {
        // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction:
        // nothing of the group survives, so the group fails as one.
        if (!connection.inTransaction) throw error;
        return E.left(failureOf(error, streamName));
      }
    }),
  );

  return {
    one: ({ streamName, events, expectedRevision }) => {
      try {
        return appendInTransaction.immediate(streamName, events, expectedRevision);
      } catch (error) {
        return E.left(failureOf(error, streamName));
      }
    },
    group: (requests) => {
      try {
        return inGroup.immediate(requests);
      } catch (error) {
        return requests.map(({ streamName }) => E.left(failureOf(error, streamName)));
      }
    },
  };
};
