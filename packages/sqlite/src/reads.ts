import * as E from 'fp-ts/Either';
import type Database from 'better-sqlite3';
import { LARGEST_STORABLE, positionOf } from '@ssp/eventstore';
import type { EventFilter, LogPage, RecordedEvent, StoreError, ValidReadStreamOptions } from '@ssp/eventstore';
import { storeErrorFrom } from './errors';
import { parseJsonObject } from './json';

/**
 * Reading never needs an explicit transaction: each read is one SELECT, and SQLite runs a
 * statement against one snapshot of the file.
 *
 * Why a global read never skips an event that commits late: SQLite has a single writer, and
 * an event's position is assigned inside the append's write transaction. A transaction that
 * commits later therefore always holds higher positions than every transaction that committed
 * before it, and a reader's snapshot holds either all of a transaction's events or none. So
 * once a reader has seen position p, no event with a position below p can appear afterwards:
 * paging forward from the last position seen is gap-free. (Stores whose sequence is taken
 * before commit, with concurrent writers, do not have this property.)
 */

/**
 * A row as better-sqlite3 hands it out in raw mode: an array in the order of `columnsOf`, which
 * costs less to build than an object with ten named fields, on every event read.
 */
type EventRow = readonly [
  position: bigint,
  eventId: string,
  streamName: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  logHash: string | null,
  previousLogHash: string | null,
];

/**
 * A file older than schema step 3 has no log chain columns; an auditor's read-only open cannot
 * add them, so they are read as NULL there: its events carry no `logLink`.
 */
const columnsOf = (connection: Database.Database): string => {
  const present = new Set(connection.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('events')`).all().map(({ name }) => name));
  const chain = present.has('log_hash') ? 'log_hash, previous_log_hash' : 'NULL AS log_hash, NULL AS previous_log_hash';
  return `position, event_id, stream_name, stream_revision, event_type, data, metadata, recorded_at, ${chain}`;
};

const toRecordedEvent = (row: EventRow): E.Either<StoreError, RecordedEvent> => {
  const [sequence, eventId, streamName, revision, type, dataText, metadataText, recordedAt, logHash, previousLogHash] = row;
  const data = parseJsonObject(dataText, `data of event ${eventId}`);
  if (E.isLeft(data)) return data;
  const metadata = parseJsonObject(metadataText, `metadata of event ${eventId}`);
  if (E.isLeft(metadata)) return metadata;
  const position = positionOf(sequence);
  // Object literals with every field, not spreads: every event read then has one of two shapes,
  // which keeps reading them fast on every load.
  return E.right(
    logHash === null
      ? { eventId, type, data: data.right, metadata: metadata.right, streamName, revision, position, recordedAt }
      : {
          eventId,
          type,
          data: data.right,
          metadata: metadata.right,
          streamName,
          revision,
          position,
          recordedAt,
          logLink: previousLogHash === null ? { hash: logHash } : { hash: logHash, previousHash: previousLogHash },
        },
  );
};

const toRecordedEvents = (rows: readonly EventRow[]): E.Either<StoreError, readonly RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for (const row of rows) {
    const event = toRecordedEvent(row);
    if (E.isLeft(event)) return event;
    events.push(event.right);
  }
  return E.right(events);
};

/**
 * SQLite reads `LIMIT -1` as "no limit". The counts themselves were checked by the port's
 * shared rules before they got here (see `guardedEventStore`), so they are used as they are.
 */
const limitOf = (maxCount: number | undefined): number => maxCount ?? -1;

export type EventReader = Readonly<{
  readStream(streamName: string, options: ValidReadStreamOptions): E.Either<StoreError, readonly RecordedEvent[]>;
  /**
   * Up to `limit` (or all) events matching `filter`, in global order, from position `first`
   * on; and where the next read starts: after the last event returned.
   */
  readFrom(first: bigint, filter: EventFilter | undefined, limit: number | undefined): E.Either<StoreError, LogPage>;
}>;

export const prepareEventReader = (connection: Database.Database): EventReader => {
  const COLUMNS = columnsOf(connection);
  // safeIntegers: positions and revisions come back as bigint, as the port wants them, and
  // would stay exact past 2^53. raw: rows as arrays (see EventRow).
  const byStream = connection
    .prepare<[string, bigint, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`,
    )
    .safeIntegers(true)
    .raw(true);
  const all = connection
    .prepare<[bigint, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`)
    .safeIntegers(true)
    .raw(true);
  // `stream_category` holds `filterableCategoryOf(stream_name)` (see append.ts), so an equality
  // on it is exactly the port's category filter, `matchesEventFilter`.
  // One category or type (the common case: a projection follows one category) is an equality
  // on the (column, position) index, which yields rows already in position order, so a page
  // costs only its own rows. Several values are bound as one JSON array (one cached statement
  // whatever their number); SQLite then merges the per-value index ranges with a sort.
  const filtered = (column: 'stream_category' | 'event_type') => ({
    one: connection
      .prepare<[bigint, string, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE position >= ? AND ${column} = ? ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true)
      .raw(true),
    several: connection
      .prepare<[bigint, string, number], EventRow>(
        `SELECT ${COLUMNS} FROM events
         WHERE position >= ? AND ${column} IN (SELECT value FROM json_each(?))
         ORDER BY position LIMIT ?`,
      )
      .safeIntegers(true)
      .raw(true),
  });
  const byCategory = filtered('stream_category');
  const byType = filtered('event_type');

  const readFiltered = (fromSequence: bigint, filter: EventFilter, limit: number): readonly EventRow[] => {
    const [statements, values] =
      filter.kind === 'streamCategory' ? [byCategory, filter.categories] : [byType, filter.types];
    const [only] = values;
    return values.length === 1 && only !== undefined
      ? statements.one.all(fromSequence, only, limit)
      : statements.several.all(fromSequence, JSON.stringify(values), limit);
  };

  const attempt = (context: string, read: () => readonly EventRow[]): E.Either<StoreError, readonly RecordedEvent[]> => {
    try {
      return toRecordedEvents(read());
    } catch (error) {
      return E.left(storeErrorFrom(error, context));
    }
  };

  return {
    readStream: (streamName, { fromRevision, maxCount }) =>
      attempt(`reading stream ${streamName}`, () => byStream.all(streamName, fromRevision, limitOf(maxCount))),
    readFrom: (first, filter, limit) => {
      // No position is that large (an INTEGER could not even be bound to it): nothing to read.
      if (first > LARGEST_STORABLE) return E.right({ events: [], next: first });
      const page = attempt('reading all events', () =>
        filter === undefined ? all.all(first, limitOf(limit)) : readFiltered(first, filter, limitOf(limit)),
      );
      return E.map((events: readonly RecordedEvent[]): LogPage => {
        const last = events.at(-1);
        return { events, next: last === undefined ? first : last.position.commit + 1n };
      })(page);
    },
  };
};
