import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { JsonObject } from '@ssp/eventstore';
import type { PlainEvent } from '../devices-view';
import { streamsOf, type SeedEvent } from '../seed';
import { parseJson } from '../wire';
import { refusal, userIdOf, type CommandSystem, type Outcome } from './command-system';

/**
 * The raw ceilings of W1 and W2: what a store costs with nothing of a command path around it.
 * Each command becomes one event `{ type, data }` appended to the user's stream at the
 * revision after its last one; nothing is decoded, loaded or decided.
 */
export type CeilingKind = 'memory' | 'sqlite-append' | 'sqlite-read-append';

const streamOf = (command: JsonObject): string => `UserDevices-${userIdOf(command)}`;
const eventOf = (command: JsonObject): PlainEvent => ({ type: typeof command.type === 'string' ? command.type : '', data: command.data ?? null });
const appendedOne: Outcome = { ok: true, deviceEvents: 1, otherEvents: 0 };

/** A plain `Map` of arrays: the cost of a lookup and a push. */
const memoryCeiling = (events: readonly SeedEvent[]): CommandSystem => {
  const byStream = new Map<string, PlainEvent[]>();
  for (const [name, stream] of streamsOf(events)) byStream.set(name, stream.map(({ type, data }) => ({ type, data })));
  return {
    send: async (command) => {
      const name = streamOf(command);
      const stream = byStream.get(name);
      if (stream === undefined) byStream.set(name, [eventOf(command)]);
      else stream.push(eventOf(command));
      return appendedOne;
    },
    readUserDevices: async (userId) => byStream.get(`UserDevices-${userId}`) ?? [],
    decides: false,
    close: async () => undefined,
  };
};

type Row = { type: string; data: string };

/**
 * better-sqlite3, one table, WAL at `synchronous=FULL`, one IMMEDIATE transaction per command:
 * either a bare INSERT at the next revision (`sqlite-append`), or the stream's rows read and
 * parsed, then the INSERT, in the same transaction (`sqlite-read-append`, the floor of any
 * read-decide-append path).
 */
const sqliteCeiling = (kind: 'sqlite-append' | 'sqlite-read-append', directory: string, events: readonly SeedEvent[]): CommandSystem => {
  const db = new Database(join(directory, 'ceiling.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (stream, revision))`);
  const insert = db.prepare<[string, number, string, string]>('INSERT INTO events (stream, revision, type, data) VALUES (?, ?, ?, ?)');
  const head = db.prepare<[string], { last: number | null }>('SELECT max(revision) AS last FROM events WHERE stream = ?');
  const read = db.prepare<[string], Row>('SELECT type, data FROM events WHERE stream = ? ORDER BY revision');
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    for (const [name, stream] of streamsOf(events)) stream.forEach(({ type, data }, revision) => insert.run(name, revision, type, JSON.stringify(data)));
  })();
  db.pragma('synchronous = FULL');

  const append = db.transaction((name: string, event: PlainEvent) => {
    const next = (head.get(name)?.last ?? -1) + 1;
    insert.run(name, next, event.type, JSON.stringify(event.data));
  });
  const readAndAppend = db.transaction((name: string, event: PlainEvent) => {
    const history = read.all(name).map((row) => parseJson(row.data));
    insert.run(name, history.length, event.type, JSON.stringify(event.data));
  });
  const write = kind === 'sqlite-append' ? append : readAndAppend;
  return {
    send: async (command) => {
      try {
        write.immediate(streamOf(command), eventOf(command));
        return appendedOne;
      } catch (error) {
        return refusal(error instanceof Error ? error.message : String(error));
      }
    },
    readUserDevices: async (userId) => read.all(`UserDevices-${userId}`).map((row) => ({ type: row.type, data: parseJson(row.data) })),
    decides: false,
    close: async () => {
      db.close();
    },
  };
};

export const openCeilingSystem = (kind: CeilingKind, directory: string, events: readonly SeedEvent[]): CommandSystem =>
  kind === 'memory' ? memoryCeiling(events) : sqliteCeiling(kind, directory, events);
