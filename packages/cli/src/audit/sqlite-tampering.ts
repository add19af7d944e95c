import * as E from 'fp-ts/Either';
import { hashEvent, linkInLog, positionOf, type JsonObject } from '@ssp/eventstore';
import { openSqliteDatabase } from '@ssp/sqlite';

// What an insider with write access to a SQLite store (but not the signing key) can do to it,
// for the seal specs: raw SQL on the file, forged events hashed and linked as the command side would.

export type Row = Readonly<{
  position: bigint;
  event_id: string;
  stream_name: string;
  stream_revision: bigint;
  event_type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  log_hash: string | null;
  previous_log_hash: string | null;
}>;

/** Runs raw SQL on a store file, as the intruder does. */
export type Sql = Readonly<{ run: (sql: string, ...params: unknown[]) => void; rows: (sql: string, ...params: unknown[]) => readonly Row[] }>;

const withDatabase = (path: string, readOnly: boolean, change: (sql: Sql) => void): void => {
  const database = openSqliteDatabase({ path, readOnly });
  if (E.isLeft(database)) throw new Error(`cannot open ${path}: ${database.left.kind}`);
  const { connection } = database.right;
  connection.defaultSafeIntegers(true);
  try {
    change({ run: (sql, ...params) => connection.prepare(sql).run(...params), rows: (sql, ...params) => connection.prepare<unknown[], Row>(sql).all(...params) });
  } finally {
    database.right.close();
  }
};

export const tamperWith = (path: string, change: (sql: Sql) => void): void => withDatabase(path, false, change);

export const JORDAN_DEVICES = 'UserDevices-00000000-0000-4000-8000-000000000010';
export const FORGED_ID = '00000000-0000-4000-8000-00000000f0f0';

export const newestOf = (rows: (sql: string, ...params: unknown[]) => readonly Row[], stream: string): Row => {
  const [row] = rows('SELECT * FROM events WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1', stream);
  if (row === undefined) throw new Error(`no stream ${stream}`);
  return row;
};

/** A forged event at the end of `stream`, hashed and linked as the command side would. */
const forgedAfter = (newest: Row) => {
  const data: JsonObject = { ...(JSON.parse(newest.data) as JsonObject), name: 'Forged' };
  const { hash: previousHash, ...rest } = JSON.parse(newest.metadata) as JsonObject;
  const metadata: JsonObject = { ...rest, eventId: FORGED_ID, previousHash: previousHash ?? null };
  return { data: JSON.stringify(data), metadata: JSON.stringify({ ...metadata, hash: hashEvent(newest.event_type, data, metadata) }) };
};

export const insertForged = (run: (sql: string, ...params: unknown[]) => void, newest: Row, position?: bigint): void => {
  const { data, metadata } = forgedAfter(newest);
  run(
    `INSERT INTO events (position, event_id, stream_name, stream_category, stream_revision, event_type, data, metadata) VALUES (?, ?, ?, 'UserDevices', ?, ?, ?, ?)`,
    position ?? null, FORGED_ID, newest.stream_name, newest.stream_revision + 1n, newest.event_type, data, metadata,
  );
};

/** Moves every event from `position` on one place later, freeing `position` (through negatives: the key stays unique). */
export const makeRoomAt = (run: (sql: string, ...params: unknown[]) => void, position: bigint): void => {
  run('UPDATE events SET position = -position WHERE position >= ?', position);
  run('UPDATE events SET position = 1 - position WHERE position < 0');
};

export const swapPositions = (run: (sql: string, ...params: unknown[]) => void, a: bigint, b: bigint): void => {
  run('UPDATE events SET position = -1 WHERE position = ?', a);
  run('UPDATE events SET position = ? WHERE position = ?', a, b);
  run('UPDATE events SET position = ? WHERE position = -1', b);
};

/** The row at `position`, read without writing. */
export const rowAt = (path: string, position: number): Row => {
  let found: Row | undefined;
  withDatabase(path, true, ({ rows }) => {
    found = rows('SELECT * FROM events WHERE position = ?', position)[0];
  });
  if (found === undefined) throw new Error(`no event at ${position}`);
  return found;
};

/**
 * The thorough insider: after changing rows, recomputes the store's global chain from the first
 * event on, and its head, exactly as the store's appends would have written them. Nothing but
 * a seal made before the change can then show it.
 */
export const relinkLog = ({ run, rows }: Sql): void => {
  let previousHash: string | undefined;
  let last: bigint | undefined;
  for (const row of rows('SELECT * FROM events ORDER BY position')) {
    const link = linkInLog(
      {
        eventId: row.event_id,
        type: row.event_type,
        data: JSON.parse(row.data) as JsonObject,
        metadata: JSON.parse(row.metadata) as JsonObject,
        streamName: row.stream_name,
        revision: row.stream_revision,
        position: positionOf(row.position),
        recordedAt: row.recorded_at,
      },
      previousHash,
    );
    run('UPDATE events SET log_hash = ?, previous_log_hash = ? WHERE position = ?', link.hash, link.previousHash ?? null, row.position);
    previousHash = link.hash;
    last = row.position;
  }
  if (last !== undefined && previousHash !== undefined) run('UPDATE log_head SET position = ?, log_hash = ?', last, previousHash);
};
