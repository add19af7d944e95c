import * as E from 'fp-ts/Either';
import { hashEvent, type JsonObject } from '@ssp/eventstore';
import { verifyHistory, type TamperKind } from '@ssp/projections';
import { openSqliteDatabase, readSqliteLogHead } from '@ssp/sqlite';
import { loadHistory } from './history';
import type { Progress } from './progress';
import { FORGED_ID, insertForged, JORDAN_DEVICES, newestOf, relinkLog, swapPositions, tamperWith, type Sql } from './sqlite-tampering';
import { ssp } from './run-ssp.testing';
import { storyStore } from './story-store.testing';

// The kinds of tampering that the stream chains alone cannot show, done with SQL to a SQLite
// store as an insider with write access could, and what the store's global chain (with the
// head it records beside the events) says of each, without any seal. What a seal adds is in
// seals.e2e.spec.ts; the kinds the stream chains catch, on every store, in @ssp/projections
// (audit/tampering.spec.ts); a damaged file, in integrity.e2e.spec.ts.

const silent: Progress = { reading: () => undefined, phase: () => () => undefined, stop: () => undefined };

type Expected = Readonly<{ kind: TamperKind; eventId: (sql: Sql) => string }> | 'INTACT';

describe('the global chain on a SQLite store: what the stream chains cannot show', () => {
  const story = storyStore('ssp-tampering-');
  const copyOfStore = (): string => story.copy();

  /** verify as `ssp audit verify` runs it: the whole log, and the head the store recorded. */
  const verify = async (path: string) => {
    const database = openSqliteDatabase({ path, readOnly: true });
    if (E.isLeft(database)) throw new Error(`cannot open ${path}`);
    const head = readSqliteLogHead(database.right);
    database.right.close();
    if (E.isLeft(head)) throw new Error('cannot read the head');
    return verifyHistory(await loadHistory(`sqlite:${path}`, silent), { logHead: head.right });
  };

  /** Reads, before the change, which event the finding must name. */
  const named = (path: string, eventId: (sql: Sql) => string): string => {
    let id = '';
    tamperWith(path, (sql) => {
      id = eventId(sql);
    });
    return id;
  };

  const neighbours = ({ rows }: Sql) => {
    const [pair] = rows('SELECT a.* FROM events a JOIN events b ON b.position = a.position + 1 WHERE a.stream_name <> b.stream_name AND a.position > 1 LIMIT 1');
    if (pair === undefined) throw new Error('no neighbours of different streams');
    return pair;
  };
  const rowAfter = ({ rows }: Sql, position: bigint) => {
    const [row] = rows('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 1', position);
    if (row === undefined) throw new Error(`nothing after ${position}`);
    return row;
  };
  const sessionStream = ({ rows }: Sql): string => {
    const [row] = rows(`SELECT * FROM events WHERE stream_name LIKE 'PortalSession-%' ORDER BY position LIMIT 1`);
    if (row === undefined) throw new Error('no session stream');
    return row.stream_name;
  };

  beforeAll(() => {
    story.create();
  }, 60_000);

  afterAll(() => story.remove());

  it('given the untouched store, then the global chain is intact over every event', async () => {
    const report = await verify(copyOfStore());
    expect(report.intact).toBe(true);
    expect(report.log).toEqual({ status: 'INTACT', before: 0, chained: report.events });
  });

  it.each<[string, (sql: Sql) => void, Expected]>([
    [
      'a stream’s newest event deleted',
      (sql) => sql.run('DELETE FROM events WHERE position = ?', newestOf(sql.rows, sessionStream(sql)).position),
      { kind: 'REMOVED', eventId: (sql) => rowAfter(sql, newestOf(sql.rows, sessionStream(sql)).position).event_id },
    ],
    [
      'a whole stream deleted',
      (sql) => sql.run('DELETE FROM events WHERE stream_name = ?', sessionStream(sql)),
      { kind: 'REMOVED', eventId: (sql) => rowAfter(sql, sql.rows('SELECT * FROM events WHERE stream_name = ? ORDER BY position', sessionStream(sql))[0]?.position ?? 0n).event_id },
    ],
    [
      'the newest event of a stream rewritten, its stream hash recomputed',
      (sql) => {
        const newest = newestOf(sql.rows, JORDAN_DEVICES);
        const data: JsonObject = { ...(JSON.parse(newest.data) as JsonObject), rewritten: true };
        const metadata = JSON.parse(newest.metadata) as JsonObject;
        sql.run('UPDATE events SET data = ?, metadata = ? WHERE position = ?', JSON.stringify(data), JSON.stringify({ ...metadata, hash: hashEvent(newest.event_type, data, metadata) }), newest.position);
      },
      { kind: 'ALTERED', eventId: (sql) => newestOf(sql.rows, JORDAN_DEVICES).event_id },
    ],
    [
      'a forged event appended at a stream’s end, hashed and linked in its stream',
      (sql) => insertForged(sql.run, newestOf(sql.rows, JORDAN_DEVICES)),
      { kind: 'ALTERED', eventId: () => FORGED_ID },
    ],
    [
      'two streams’ events swapped in the global order',
      (sql) => {
        const pair = neighbours(sql);
        swapPositions(sql.run, pair.position, pair.position + 1n);
      },
      // The later event, now first, links to the one it overtook.
      { kind: 'REORDERED', eventId: (sql) => rowAfter(sql, neighbours(sql).position).event_id },
    ],
    [
      'an event_id changed',
      (sql) => sql.run('UPDATE events SET event_id = ? WHERE position = 5', FORGED_ID),
      { kind: 'ALTERED', eventId: () => FORGED_ID },
    ],
    [
      'a recorded_at changed',
      (sql) => sql.run(`UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE position = 5`),
      { kind: 'ALTERED', eventId: (sql) => sql.rows('SELECT * FROM events WHERE position = 5')[0]?.event_id ?? '' },
    ],
    [
      'the log’s newest event deleted',
      (sql) => sql.run('DELETE FROM events WHERE position = (SELECT max(position) FROM events)'),
      // Named: the event now last, after which the head says there was one more.
      { kind: 'REMOVED', eventId: (sql) => sql.rows('SELECT * FROM events ORDER BY position DESC LIMIT 1 OFFSET 1')[0]?.event_id ?? '' },
    ],
    [
      'a forged event appended with its global link too, but not through the store’s append (the head not moved)',
      (sql) => {
        const [head] = sql.rows('SELECT log_hash FROM log_head');
        insertForged(sql.run, newestOf(sql.rows, JORDAN_DEVICES));
        relinkLog(sql);
        sql.run('UPDATE log_head SET log_hash = ?', head?.log_hash ?? null);
      },
      { kind: 'INSERTED', eventId: () => FORGED_ID },
    ],
    [
      'a forged event appended and every link and the head recomputed (only a seal shows it)',
      (sql) => {
        insertForged(sql.run, newestOf(sql.rows, JORDAN_DEVICES));
        relinkLog(sql);
      },
      'INTACT',
    ],
  ])('given %s, when verified without a seal, then the global chain names it', async (_what, change, expected) => {
    const path = copyOfStore();
    const eventId = expected === 'INTACT' ? undefined : named(path, expected.eventId);
    tamperWith(path, change);

    const report = await verify(path);

    expect(report.findings).toEqual([]);
    if (expected === 'INTACT') expect(report.log.status).toBe('INTACT');
    else expect(report.log.finding).toEqual(expect.objectContaining({ chain: 'LOG', kind: expected.kind, eventId }));
  }, 30_000);

  it('given an event_id changed, when `ssp audit verify` runs, then it names the event and the global chain in words, and exits 1', () => {
    const path = copyOfStore();
    tamperWith(path, (sql) => sql.run('UPDATE events SET event_id = ? WHERE position = 5', FORGED_ID));

    const run = ssp(['audit', 'verify', '--store', `sqlite:${path}`]);

    expect(run.stdout).toContain(`ALTERED (global chain):`);
    expect(run.stdout).toContain(`(event ${FORGED_ID}, position 5/5`);
    expect(run.stdout).toContain('global chain BROKEN');
    expect(run.status).toBe(1);
  }, 30_000);

  it('given an untouched store, when `ssp audit verify` runs, then it says the global chain holds', () => {
    const run = ssp(['audit', 'verify', '--store', `sqlite:${copyOfStore()}`]);
    expect(run.stdout).toMatch(/global chain intact: \d+ events, each linked to the one before it in the log/);
    expect(run.status).toBe(0);
  }, 30_000);
});
