import * as E from 'fp-ts/Either';
import Database from 'better-sqlite3';
import { addressOf, type NotificationSender } from '@ssp/notifications';

/**
 * A notification sender shared by every reactor process: one SQLite file standing in for an SMS
 * gateway that honours idempotency keys. Each call to `send` is counted in `send_attempts`; a
 * key is delivered (a row in `deliveries`) the first time only. Both happen in one
 * transaction, so a process killed mid-send leaves either both or neither. The test can then
 * see what people received (`deliveries`) apart from how often workers tried (`send_attempts`).
 */
export type SharedDeliveries = NotificationSender &
  Readonly<{
    /** Every delivery, one row per idempotency key, oldest first. */
    deliveries: () => readonly Delivery[];
    /** How many times `send` was called, by every process, repeats included. */
    attempts: () => number;
    close: () => void;
  }>;

export type Delivery = Readonly<{ idempotencyKey: string; noticeId: string; eventId: string; channel: string; address: string; pid: number }>;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS deliveries (
    idempotency_key TEXT PRIMARY KEY,
    notice_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    pid INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS send_attempts (
    attempt INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL,
    pid INTEGER NOT NULL
  );
`;

type DeliveryRow = Readonly<{ idempotency_key: string; notice_id: string; event_id: string; channel: string; address: string; pid: number }>;

/** Opens (creating if needed) the deliveries file; every process opens the same path. */
export const openSharedDeliveries = (path: string): E.Either<string, SharedDeliveries> => {
  let connection: Database.Database;
  try {
    connection = new Database(path);
    // Several processes write at once: wait for the lock rather than fail.
    connection.pragma('busy_timeout = 10000');
    connection.pragma('journal_mode = WAL');
    connection.exec(SCHEMA);
  } catch (error) {
    return E.left(`cannot open the deliveries file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const countAttempt = connection.prepare<[string, number]>('INSERT INTO send_attempts (idempotency_key, pid) VALUES (?, ?)');
  const deliver = connection.prepare<[string, string, string, string, string, number]>(
    'INSERT OR IGNORE INTO deliveries (idempotency_key, notice_id, event_id, channel, address, pid) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const send = connection.transaction((key: string, noticeId: string, eventId: string, channel: string, address: string) => {
    countAttempt.run(key, process.pid);
    deliver.run(key, noticeId, eventId, channel, address, process.pid);
  });
  const listDeliveries = connection.prepare<[], DeliveryRow>('SELECT * FROM deliveries ORDER BY rowid');
  const countAttempts = connection.prepare<[], { count: number }>('SELECT count(*) AS count FROM send_attempts');

  return E.right({
    send: (notice, idempotencyKey) => async () => {
      try {
        send(idempotencyKey, notice.noticeId, notice.eventId, notice.channel, addressOf(notice.recipient));
        return E.right(undefined);
      } catch (error) {
        // A lock held too long by another process: the gateway is busy, try again later.
        return E.left({ kind: 'Transient', message: error instanceof Error ? error.message : String(error) });
      }
    },
    deliveries: () =>
      listDeliveries.all().map((row) => ({
        idempotencyKey: row.idempotency_key,
        noticeId: row.notice_id,
        eventId: row.event_id,
        channel: row.channel,
        address: row.address,
        pid: row.pid,
      })),
    attempts: () => countAttempts.get()?.count ?? 0,
    close: () => connection.close(),
  });
};
