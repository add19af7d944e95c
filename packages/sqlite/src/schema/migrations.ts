/**
 * The schema is built by numbered steps, each applied exactly once; `PRAGMA user_version` holds
 * the number of the last step applied. A fresh file runs every step, an older file runs the
 * steps it lacks, and a file whose version is above the last step here was written by newer
 * software and is refused rather than guessed at.
 *
 * Steps are append-only: never edit one that has shipped, add a new one.
 */
export type Migration = Readonly<{ version: number; description: string; sql: string }>;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events table with stream, global and category indexes',
    // `position` is the global order. AUTOINCREMENT guarantees a number is never handed out
    // twice, even if rows were ever removed; it is assigned inside the write transaction, so
    // with SQLite's single writer positions increase in commit order.
    // UNIQUE (stream_name, stream_revision) is the last line of defence against two writers
    // both appending revision n, and its index serves stream reads and the head lookup.
    // stream_category is what precedes the first dash, NULL for a name without one: category
    // filters then match `<category>-…` streams only, as an EventStoreDB stream-prefix filter
    // and the in-memory store do.
    sql: `
      CREATE TABLE events (
        position        INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id        TEXT    NOT NULL UNIQUE,
        stream_name     TEXT    NOT NULL,
        stream_category TEXT,
        stream_revision INTEGER NOT NULL CHECK (stream_revision >= 0),
        event_type      TEXT    NOT NULL,
        data            TEXT    NOT NULL,
        metadata        TEXT    NOT NULL,
        recorded_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (stream_name, stream_revision)
      );
      CREATE INDEX events_by_category ON events (stream_category, position);
      CREATE INDEX events_by_type ON events (event_type, position);
    `,
  },
  {
    version: 2,
    description: 'read model documents and projection checkpoints',
    // WITHOUT ROWID: both tables are looked up by their primary key only.
    sql: `
      CREATE TABLE read_model_documents (
        projection TEXT NOT NULL,
        id         TEXT NOT NULL,
        document   TEXT NOT NULL,
        PRIMARY KEY (projection, id)
      ) WITHOUT ROWID;
      CREATE TABLE read_model_checkpoints (
        projection TEXT NOT NULL PRIMARY KEY,
        position   TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'the global chain: each event linked to the one before it in the log',
    // Written by the append, inside its write transaction (see append.ts and LogLink in
    // @ssp/eventstore). Events written before this step have no link: verify reports where the
    // chain begins. log_head holds the newest link, so that removing the log's newest events
    // leaves the head pointing at an event that is gone, and the next append links to it.
    sql: `
      ALTER TABLE events ADD COLUMN log_hash TEXT;
      ALTER TABLE events ADD COLUMN previous_log_hash TEXT;
      CREATE TABLE log_head (
        singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
        position  INTEGER NOT NULL,
        log_hash  TEXT    NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'consumer groups: each group, and the events it has taken but not seen acknowledged',
    // Competing consumers in any number of processes share these rows (see consumer-groups/).
    // group_id is new at each creation, so that a group deleted and created again under the
    // same name starts with no rows, and a consumer of the old one notices. cursor is the last
    // position the group has taken from the log; an event at or below it that the filter
    // selects is acknowledged (no row) or has a row: ready for a retry, leased to owner until
    // lease_expires_at (ms since the epoch), or parked. Leases and claims change in
    // BEGIN IMMEDIATE transactions, so two consumers never lease the same event at once.
    sql: `
      CREATE TABLE consumer_groups (
        group_name         TEXT    NOT NULL PRIMARY KEY,
        group_id           TEXT    NOT NULL UNIQUE,
        start_from         TEXT    NOT NULL CHECK (start_from IN ('start', 'end')),
        filter             TEXT,
        max_retry_count    INTEGER NOT NULL CHECK (max_retry_count >= 0),
        message_timeout_ms INTEGER NOT NULL CHECK (message_timeout_ms > 0),
        cursor             INTEGER NOT NULL,
        created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) WITHOUT ROWID;
      CREATE TABLE consumer_group_events (
        group_id         TEXT    NOT NULL,
        position         INTEGER NOT NULL,
        state            TEXT    NOT NULL CHECK (state IN ('ready', 'leased', 'parked')),
        retry_count      INTEGER NOT NULL CHECK (retry_count >= 0),
        owner            TEXT,
        lease_expires_at INTEGER,
        parked_reason    TEXT,
        parked_at        INTEGER,
        PRIMARY KEY (group_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX consumer_group_events_by_state ON consumer_group_events (group_id, state, position);
    `,
  },
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;

/**
 * The oldest version a read-only open accepts, since it cannot migrate. Every step so far only
 * added tables, and the `events` table is as step 1 made it, so the event store reads any
 * version from 1. A step that changes a table the readers query must raise this to its own
 * version. (A version-1 file has no read-model tables: a read-model store cannot open on it.)
 */
export const OLDEST_READABLE_SCHEMA_VERSION = 1;

/** Marks a file as ours in its header (`PRAGMA application_id`), ASCII "SSP1". */
export const SSP_APPLICATION_ID = 0x53535031;
