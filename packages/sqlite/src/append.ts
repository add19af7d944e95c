import * as E from 'fp-ts/Either';
import type Database from 'better-sqlite3';
import { checkExpectedRevision, filterableCategoryOf, linkInLog, positionOf } from '@ssp/eventstore';
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

/** The newest link of the global chain, and the position the next event takes. */
type LogTail = { nextPosition: bigint; previousHash: string | undefined };

const prepareStatements = (connection: Database.Database) => {
  // AUTOINCREMENT's counter: the next position is one past the largest ever handed out, even
  // if rows were removed since. The position is bound explicitly because the log hash covers it.
  const selectSequence = connection
    .prepare<[], { seq: bigint }>(`SELECT seq FROM sqlite_sequence WHERE name = 'events'`)
    .safeIntegers(true);
  const selectLogHead = connection.prepare<[], { log_hash: string }>('SELECT log_hash FROM log_head WHERE singleton = 1');
  // A file migrated to the chain has no head until its first append: the chain begins there,
  // linked to nothing (verify reports the events before it as written before the chain).
  const upsertLogHead = connection
    .prepare<[bigint, string]>(
      `INSERT INTO log_head (singleton, position, log_hash) VALUES (1, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET position = excluded.position, log_hash = excluded.log_hash`,
    )
    .safeIntegers(true);
  const selectHead = connection
    .prepare<[string], StreamHead>(
      `SELECT stream_revision AS revision, position FROM events
       WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1`,
    )
    .safeIntegers(true);
  const insertEvent = connection
    .prepare<[bigint, string, string, string | null, bigint, string, string, string, string, string, string | null]>(
      `INSERT INTO events (position, event_id, stream_name, stream_category, stream_revision, event_type, data, metadata,
                           recorded_at, log_hash, previous_log_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .safeIntegers(true);

  return { selectHead, insertEvent, selectSequence, selectLogHead, upsertLogHead };
};

export const prepareAppender = (connection: Database.Database, clock: () => Date = () => new Date()): Appender => {
  // Prepared at the first append, not at open: a read-only open of a file from before the log
  // chain (schema step 3) lacks the tables these name, and never appends.
  let prepared: ReturnType<typeof prepareStatements> | undefined;
  const statements = () => (prepared ??= prepareStatements(connection));
  const logTail = (): LogTail => ({
    nextPosition: (statements().selectSequence.get()?.seq ?? 0n) + 1n,
    previousHash: statements().selectLogHead.get()?.log_hash,
  });

  /**
   * The log's tail as the current write transaction has left it: read once when the
   * transaction begins, then carried from one append to the next, and written to `log_head`
   * once before the commit. Inside a write transaction no other connection can append, so the
   * carried tail is the file's; it is never carried from one transaction to another.
   */
  let tail: LogTail | undefined;
  let tailMoved = false;
  const beginTransaction = (): void => {
    tail = undefined;
    tailMoved = false;
  };
  const writeLogHead = (): void => {
    if (tailMoved && tail?.previousHash !== undefined) statements().upsertLogHead.run(tail.nextPosition - 1n, tail.previousHash);
  };

  // The check and the inserts run in one transaction started with BEGIN IMMEDIATE, which
  // takes SQLite's write lock before reading the head. Another connection, in this process or
  // another, cannot append between our check and our insert: it waits for the lock (up to
  // busy_timeout) and then sees our events, so of two writers expecting the same revision
  // exactly one wins. A refused expectation returns before writing, so committing is a no-op.
  const appendWithin = (streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): E.Either<StoreError, AppendResult> => {
    const { selectHead, insertEvent } = statements();
    const head = selectHead.get(streamName);
    // The rule itself is shared with the other stores, so they cannot drift apart.
    const checked = checkExpectedRevision(streamName, expected, head?.revision ?? 'NO_STREAM');
    if (E.isLeft(checked)) return checked;
    if (events.length === 0) return E.right(resultForHead(head));
    const category = categoryColumnOf(streamName);
    const recordedAt = clock().toISOString();
    let revision = head === undefined ? -1n : head.revision;
    let { nextPosition: position, previousHash } = tail ?? logTail();
    for (const event of events) {
      revision += 1n;
      const link = linkInLog({ ...event, streamName, revision, position: positionOf(position), recordedAt }, previousHash);
      insertEvent.run(
        position,
        event.eventId,
        streamName,
        category,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAt,
        link.hash,
        link.previousHash ?? null,
      );
      previousHash = link.hash;
      position += 1n;
    }
    // Carried only once every insert succeeded: an append that throws is rolled back, and so is
    // what it would have moved.
    tail = { nextPosition: position, previousHash };
    tailMoved = true;
    return E.right({ nextExpectedRevision: revision, position: positionOf(position - 1n) });
  };

  const inOwnTransaction = connection.transaction((streamName: string, events: readonly NewEvent[], expected: ExpectedRevision) => {
    beginTransaction();
    const result = appendWithin(streamName, events, expected);
    writeLogHead();
    return result;
  });

  // Called inside another transaction, better-sqlite3 runs a transaction function in a
  // savepoint, and rolls back to it if the function throws.
  const inSavepoint = connection.transaction(appendWithin);
  const inGroup = connection.transaction((requests: readonly AppendRequest[]) => {
    beginTransaction();
    const results = requests.map(({ streamName, events, expectedRevision }) => {
      try {
        return inSavepoint(streamName, events, expectedRevision);
      } catch (error) {
        // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction:
        // nothing of the group survives, so the group fails as one.
        if (!connection.inTransaction) throw error;
        return E.left(failureOf(error, streamName));
      }
    });
    writeLogHead();
    return results;
  });

  return {
    one: ({ streamName, events, expectedRevision }) => {
      try {
        return inOwnTransaction.immediate(streamName, events, expectedRevision);
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
