import { join } from 'node:path';
import Database from 'better-sqlite3';
import { evolveDevicesView, type DevicesView } from './devices-view';
import type { Replay } from './replay';
import type { SeedEvent } from './seed';
import { parseJson } from './wire';

type Row = { type: string; data: string };

/** The raw ceilings of W3: a loop over an array, and better-sqlite3 reading one table. */
export const ceilingReplay = (kind: 'memory' | 'sqlite', directory: string, events: readonly SeedEvent[]): Replay => {
  const view: DevicesView = new Map();
  if (kind === 'memory') {
    const history = events.map(({ type, data }) => ({ type, data }));
    return {
      replay: async () => {
        for (const event of history) evolveDevicesView(view, event);
        return { events: history.length };
      },
      readModel: async () => view,
      close: async () => undefined,
    };
  }
  const db = new Database(join(directory, 'ceiling-w3.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL)');
  const insert = db.prepare<[string, string]>('INSERT INTO events (type, data) VALUES (?, ?)');
  db.transaction(() => events.forEach(({ type, data }) => insert.run(type, JSON.stringify(data))))();
  const all = db.prepare<[], Row>('SELECT type, data FROM events ORDER BY position');
  return {
    replay: async () => {
      let read = 0;
      for (const row of all.iterate()) {
        evolveDevicesView(view, { type: row.type, data: parseJson(row.data) });
        read += 1;
      }
      return { events: read };
    },
    readModel: async () => view,
    close: async () => {
      db.close();
    },
  };
};
