import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { hashEvent, type JsonObject } from '@ssp/eventstore';
import { parseSealFile, readPublicKey, verifyAgainstSeals, verifyHistory } from '@ssp/projections';
import { loadHistory } from './history';
import type { Progress } from './progress';
import { FORGED_ID, insertForged, JORDAN_DEVICES, makeRoomAt, newestOf, relinkLog, rowAt, swapPositions, tamperWith, type Sql } from './sqlite-tampering';
import { ssp } from './run-ssp.testing';
import { storyStore } from './story-store.testing';

// Seals as an auditor uses them: keys made, the story's store sealed, then the SQLite file
// tampered with directly, as an insider with write access (but not the signing key) could.

type SealsJson = Readonly<{
  intact: boolean;
  signedSeals: Readonly<{
    intact: boolean;
    seals: ReadonlyArray<Readonly<{ status: string; detail: string }>>;
    extensions: ReadonlyArray<Readonly<{ status: string; detail: string }>>;
    unsealed: ReadonlyArray<Readonly<{ eventId: string }>>;
  }>;
}>;

describe('ssp audit seal, verify --seal and prove on a SQLite store', () => {
  const story = storyStore('ssp-seals-');
  let base: string;
  let original: string;
  let publicKey: string;
  let privateKey: string;
  let sealFile: string;
  const copyOfStore = (): string => story.copy();

  const verify = (path: string, seals: readonly string[] = [sealFile]): Readonly<{ status: number | null; report: SealsJson }> => {
    const run = ssp(['audit', 'verify', '--store', `sqlite:${path}`, '--seal', ...seals, '--public-key', publicKey, '--json']);
    if (run.stdout === '') throw new Error(`verify printed nothing: ${run.stderr}`);
    return { status: run.status, report: JSON.parse(run.stdout) as SealsJson };
  };

  const seal = (path: string, out: string): string => {
    const file = join(base, out);
    const run = ssp(['audit', 'seal', '--store', `sqlite:${path}`, '--key', privateKey, '--out', file]);
    if (run.status !== 0) throw new Error(`seal failed: ${run.stderr}`);
    return file;
  };

  beforeAll(() => {
    original = story.create();
    base = story.folder();
    expect(ssp(['audit', 'keys', '--out', join(base, 'keys')]).status).toBe(0);
    privateKey = join(base, 'keys', 'seal-key.pem');
    publicKey = join(base, 'keys', 'seal-key.pub.pem');
    sealFile = seal(original, 'monday.seal.json');
  }, 60_000);

  afterAll(() => story.remove());

  it('given `ssp audit keys`, then the private key may be read by its owner only, and keys are never overwritten', () => {
    expect(statSync(privateKey).mode & 0o777).toBe(0o600);
    const again = ssp(['audit', 'keys', '--out', join(base, 'keys')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
  });

  it('given the untouched store, when verified with its seal, then the seal is intact, nothing is unsealed, and it exits 0', () => {
    const run = ssp(['audit', 'verify', '--store', `sqlite:${original}`, '--seal', sealFile, '--public-key', publicKey]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('monday.seal.json: 35 events');
    expect(run.stdout).toContain('intact: the first 35 events are exactly what was sealed');
    expect(run.stdout).toContain('unsealed: none');
  }, 30_000);

  it.each<[string, string, (sql: Sql) => void]>([
    ['the newest event of a stream deleted', 'TRUNCATED', ({ run, rows }) => run('DELETE FROM events WHERE position = ?', newestOf(rows, JORDAN_DEVICES).position)],
    ['a whole stream deleted', 'TRUNCATED', ({ run }) => run('DELETE FROM events WHERE stream_name = ?', JORDAN_DEVICES)],
    ['the newest event rewritten, its per-stream hash recomputed', 'DIFFERS', ({ run, rows }) => {
      const newest = newestOf(rows, JORDAN_DEVICES);
      const data: JsonObject = { ...(JSON.parse(newest.data) as JsonObject), rewritten: true };
      const metadata = JSON.parse(newest.metadata) as JsonObject;
      run('UPDATE events SET data = ?, metadata = ? WHERE position = ?', JSON.stringify(data), JSON.stringify({ ...metadata, hash: hashEvent(newest.event_type, data, metadata) }), newest.position);
    }],
    ['a forged event appended at a stream\'s end, hashed and linked, placed before the seal\'s head', 'DIFFERS', ({ run, rows }) => {
      const newest = newestOf(rows, JORDAN_DEVICES);
      makeRoomAt(run, newest.position + 1n);
      insertForged(run, newest, newest.position + 1n);
    }],
    ['two streams\' events swapped in the global order', 'DIFFERS', ({ run, rows }) => {
      const pair = rows('SELECT a.* FROM events a JOIN events b ON b.position = a.position + 1 WHERE a.stream_name <> b.stream_name LIMIT 1')[0];
      if (pair === undefined) throw new Error('no neighbours of different streams');
      swapPositions(run, pair.position, pair.position + 1n);
    }],
    ['an event_id changed', 'DIFFERS', ({ run }) => run(`UPDATE events SET event_id = ? WHERE position = 5`, FORGED_ID)],
    ['a stream_name changed', 'DIFFERS', ({ run }) => run(`UPDATE events SET stream_name = 'UserDevices-renamed' WHERE position = 5`)],
    ['a stream_revision changed', 'DIFFERS', ({ run, rows }) => run('UPDATE events SET stream_revision = stream_revision + 100 WHERE position = ?', newestOf(rows, JORDAN_DEVICES).position)],
    ['an event_type changed', 'DIFFERS', ({ run }) => run(`UPDATE events SET event_type = 'Forged' WHERE position = 5`)],
    ['the position of the newest event moved on', 'DIFFERS', ({ run }) => run('UPDATE events SET position = 1000 WHERE position = 35')],
  ])('given %s, when verified with the seal made before, then the seal catches it (%s) and verify exits 1', (_what, status, change) => {
    const path = copyOfStore();
    tamperWith(path, change);
    const { status: exit, report } = verify(path);
    expect(report.signedSeals.seals).toEqual([expect.objectContaining({ status })]);
    expect(exit).toBe(1);
  }, 30_000);

  it('given a forged event appended, hashed and linked, after the seal, when verified, then the seal holds and the forgery is reported unsealed', () => {
    const path = copyOfStore();
    tamperWith(path, ({ run, rows }) => insertForged(run, newestOf(rows, JORDAN_DEVICES)));
    const run = ssp(['audit', 'verify', '--store', `sqlite:${path}`, '--seal', sealFile, '--public-key', publicKey]);
    expect(run.stdout).toContain('unsealed: 1 event after the last seal (positions 36/36 to 36/36)');
    expect(run.stdout).toContain(`${JORDAN_DEVICES}@`);
    expect(run.stdout).toContain(`(event ${FORGED_ID})`);
    expect(verify(path).report.signedSeals.unsealed).toEqual([expect.objectContaining({ eventId: FORGED_ID })]);
  }, 30_000);

  it('given the history extended and sealed again, when verified with both seals, then the second is proven to extend the first', () => {
    const path = copyOfStore();
    tamperWith(path, (sql) => {
      insertForged(sql.run, newestOf(sql.rows, JORDAN_DEVICES));
      relinkLog(sql);
    });
    const tuesday = seal(path, 'tuesday.seal.json');
    const { status, report } = verify(path, [tuesday, sealFile]);
    expect(report.signedSeals.seals.map((s) => s.status)).toEqual(['INTACT', 'INTACT']);
    expect(report.signedSeals.extensions).toEqual([expect.objectContaining({ status: 'EXTENDS' })]);
    expect(status).toBe(0);
  }, 30_000);

  it('given an early event rewritten and the store re-sealed, when verified with both seals, then the second is shown to fork the first', () => {
    const path = copyOfStore();
    tamperWith(path, ({ run }) => run(`UPDATE events SET data = json_set(data, '$.forged', 1) WHERE position = 3`));
    const forkedSeal = seal(path, 'forked.seal.json');
    const { status, report } = verify(path, [sealFile, forkedSeal]);
    expect(report.signedSeals.seals.map((s) => s.status)).toEqual(['DIFFERS', 'INTACT']);
    expect(report.signedSeals.extensions).toEqual([expect.objectContaining({ status: 'FORKED' })]);
    expect(status).toBe(1);
  }, 30_000);

  it('given an event, when proven against the seal, then the proof verifies, and its JSON checks without the store', () => {
    const eventId = rowAt(original, 7).event_id;
    const text = ssp(['audit', 'prove', '--store', `sqlite:${original}`, '--event', eventId, '--seal', sealFile, '--public-key', publicKey]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('leaf 6 (0-based) of 35 sealed events');
    expect(text.stdout).toContain('verified: the event is in the history sealed by');
    const json = ssp(['audit', 'prove', '--store', `sqlite:${original}`, '--event', eventId, '--seal', sealFile, '--public-key', publicKey, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ proof: { format: 'ssp-inclusion-proof/1', leafIndex: 6, treeSize: 35 }, check: { verified: true } });
  }, 30_000);

  it('given the proven event altered in the store, when proven again, then the proof fails and prove exits 1', () => {
    const path = copyOfStore();
    const eventId = rowAt(original, 7).event_id;
    tamperWith(path, ({ run }) => run(`UPDATE events SET data = json_set(data, '$.forged', 1) WHERE position = 7`));
    const run = ssp(['audit', 'prove', '--store', `sqlite:${path}`, '--event', eventId, '--seal', sealFile, '--public-key', publicKey]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('NOT verified');
  }, 30_000);

  it('given a file that is not a seal, or no public key, when verify is asked to use it, then it is refused naming the file', () => {
    const notASeal = ssp(['audit', 'verify', '--store', `sqlite:${original}`, '--seal', publicKey, '--public-key', publicKey]);
    expect(notASeal.status).toBe(1);
    expect(notASeal.stderr).toContain(`${publicKey} is not JSON`);
    const noKey = ssp(['audit', 'verify', '--store', `sqlite:${original}`, '--seal', sealFile]);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain('--seal needs --public-key');
  }, 30_000);

  it('given any single character of any stored column of any event changed in a sealed store, then verify catches it: the chains, the seal, or the reading itself', async () => {
    const seal = parseSealFile(readFileSync(sealFile, 'utf8'));
    const key = readPublicKey(readFileSync(publicKey, 'utf8'));
    if (E.isLeft(seal) || E.isLeft(key)) throw new Error('the seal or key cannot be read');
    const silent: Progress = { reading: () => undefined, phase: () => () => undefined, stop: () => undefined };
    const caughtIn = async (path: string): Promise<boolean> =>
      loadHistory(`sqlite:${path}`, silent).then(
        (history) => !verifyHistory(history).intact || !verifyAgainstSeals(history, [{ source: 'monday', seal: seal.right }], key.right).intact,
        // Text that is no longer JSON, or a row that no longer reads, cannot even be loaded.
        () => true,
      );
    expect(await caughtIn(copyOfStore())).toBe(false);
    // Every column a reader is given, and the global chain's own; stream_category is derived from
    // the stream name and given to no reader (docs/auditing.md says so).
    const textColumns = ['event_id', 'stream_name', 'event_type', 'data', 'metadata', 'recorded_at', 'log_hash', 'previous_log_hash'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 35 }),
        fc.oneof(
          fc.record({ column: fc.constantFrom(...textColumns), offset: fc.nat(), code: fc.integer({ min: 0x20, max: 0x7e }) }),
          fc.record({ column: fc.constantFrom('position', 'stream_revision'), by: fc.integer({ min: 1, max: 3 }) }),
        ),
        async (position, change) => {
          const path = copyOfStore();
          if ('by' in change) {
            // Moved past the end, where no other row stands, so that the keys stay unique.
            tamperWith(path, ({ run }) => run(`UPDATE events SET ${change.column} = ${change.column} + ? WHERE position = ?`, 1000 + change.by, position));
          } else {
            const row = rowAt(path, position);
            const text = row[change.column] ?? '';
            const at = change.offset % Math.max(1, text.length);
            const replacement = String.fromCharCode(change.code === text.charCodeAt(at) ? (change.code === 0x7e ? 0x20 : change.code + 1) : change.code);
            tamperWith(path, ({ run }) => run(`UPDATE events SET ${change.column} = ? WHERE position = ?`, text.slice(0, at) + replacement + text.slice(at + 1), position));
          }
          const caught = await caughtIn(path);
          rmSync(path);
          expect(caught).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  }, 90_000);
});
