import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { positionOf, type JsonObject } from '@ssp/eventstore';
import { openSqliteDatabase, openSqliteReadModelStore } from '@ssp/sqlite';
import { JORDAN_DEVICES, newestOf, tamperWith } from './sqlite-tampering';
import { ssp } from './run-ssp.testing';
import { storyStore } from './story-store.testing';

// `ssp audit verify` on a SQLite file damaged below the events: the chain covers what the
// events say, SQLite's integrity check covers the file (read models and checkpoints included).

type Finding = Readonly<{ kind: string; streamName: string; revision: string; eventId: string; position: string; occurredAt: string | null }>;
type VerifyJson = Readonly<{
  intact: boolean;
  findings: readonly Finding[];
  storeIntegrity: Readonly<{ checked: boolean; ok?: boolean; problems?: readonly string[] }>;
}>;

const verifyJson = (store: string): Readonly<{ status: number | null; report: VerifyJson }> => {
  const run = ssp(['audit', 'verify', '--store', store, '--json']);
  if (run.stdout === '') throw new Error(`verify printed nothing: ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as VerifyJson };
};

const READ_MODEL_DOCUMENTS = 300;

/** A read model beside the events, as a projection runner keeps it in the same file: several pages of documents and a checkpoint. */
const addReadModel = async (path: string): Promise<void> => {
  const opened = openSqliteReadModelStore({ path });
  if (E.isLeft(opened)) throw new Error(`cannot open the read-model store: ${opened.left.kind}`);
  const upserts: Array<readonly [string, JsonObject]> = [];
  for (let i = 0; i < READ_MODEL_DOCUMENTS; i += 1) upserts.push([`device-${i}`, { name: `Device number ${i}`, kind: 'MOBILE', platform: 'IOS' }]);
  const committed = await opened.right.commit('user-devices', { upserts, deletes: [] }, positionOf(1n))();
  await opened.right.close();
  if (E.isLeft(committed)) throw new Error(`cannot write the read model: ${committed.left.kind}`);
};

type Page = Readonly<{ pageno: number; pagetype: string }>;

/** The pages of `table` in the file, from SQLite's dbstat table, and the page size. */
const pagesOf = (path: string, table: string): Readonly<{ pages: readonly Page[]; pageSize: number }> => {
  const opened = openSqliteDatabase({ path, readOnly: true });
  if (E.isLeft(opened)) throw new Error(`cannot open ${path}: ${opened.left.kind}`);
  try {
    const pages = opened.right.connection.prepare<[string], Page>('SELECT pageno, pagetype FROM dbstat WHERE name = ? ORDER BY pageno').all(table);
    return { pages, pageSize: Number(opened.right.connection.pragma('page_size', { simple: true })) };
  } finally {
    opened.right.close();
  }
};

/** Garbage bytes written straight into the file at a page's offset, as a failing disk or a careless hand might leave. */
const overwritePage = (path: string, page: Page, pageSize: number, offset: number, length: number): void => {
  const file = openSync(path, 'r+');
  try {
    writeSync(file, Buffer.alloc(length, 0xa5), 0, length, (page.pageno - 1) * pageSize + offset);
  } finally {
    closeSync(file);
  }
};

describe('ssp audit verify: the store file’s own integrity check', () => {
  const story = storyStore('ssp-integrity-');
  let original: string;
  const copyOfStore = (): string => story.copy();

  beforeAll(async () => {
    original = story.create();
    await addReadModel(original);
    // Every commit is in the file itself, so a copy of the file is the whole store.
    expect(existsSync(`${original}-wal`)).toBe(false);
  }, 60_000);

  afterAll(() => story.remove());

  it('given a sound file, when verified, then the chain is intact, the file is reported sound, and verify exits 0', () => {
    const path = copyOfStore();
    const text = ssp(['audit', 'verify', '--store', `sqlite:${path}`]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('history intact');
    expect(text.stdout).toContain("store file sound: SQLite's integrity check finds no damage");

    const { status, report } = verifyJson(`sqlite:${path}`);
    expect(status).toBe(0);
    expect(report.storeIntegrity).toEqual({ checked: true, ok: true, problems: [] });
  });

  it('given garbage written into the middle of a read-model page, when verified, then the chain may say intact but the file is reported damaged, and verify exits 1', () => {
    const path = copyOfStore();
    const { pages, pageSize } = pagesOf(path, 'read_model_documents');
    const leaf = pages.find((page) => page.pagetype === 'leaf');
    if (leaf === undefined) throw new Error('the read model should span several pages');
    overwritePage(path, leaf, pageSize, pageSize / 2, 64);

    const text = ssp(['audit', 'verify', '--store', `sqlite:${path}`]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('history intact');
    expect(text.stdout).toMatch(/^store damaged: \S.*$/m);

    const { status, report } = verifyJson(`sqlite:${path}`);
    expect(status).toBe(1);
    expect(report.intact).toBe(true);
    expect(report.storeIntegrity).toEqual({ checked: true, ok: false, problems: expect.arrayContaining([expect.any(String)]) });
  });

  it('given the checkpoints page with its header overwritten, when verified, then the damage names the page', () => {
    const path = copyOfStore();
    const { pages, pageSize } = pagesOf(path, 'read_model_checkpoints');
    const [checkpoints] = pages;
    if (checkpoints === undefined) throw new Error('no checkpoints page');
    overwritePage(path, checkpoints, pageSize, 0, 8);

    const { status, report } = verifyJson(`sqlite:${path}`);
    expect(status).toBe(1);
    expect(report.intact).toBe(true);
    expect(report.storeIntegrity.problems).toEqual([expect.stringContaining(`page ${checkpoints.pageno}`)]);
  });

  it('given the events’ own page garbled, so that the history cannot be read, when verified, then the damage is still reported as such, and verify exits 1', () => {
    const path = copyOfStore();
    const { pages, pageSize } = pagesOf(path, 'events');
    const [eventsRoot] = pages;
    if (eventsRoot === undefined) throw new Error('no events page');
    overwritePage(path, eventsRoot, pageSize, 0, 8);

    const run = ssp(['audit', 'verify', '--store', `sqlite:${path}`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ssp: store damaged: \S.*\ncannot read history: /);
  });

  it('given a store without such a check (memory), when verified, then --json says the file was not checked', () => {
    expect(verifyJson('memory').report.storeIntegrity).toEqual({ checked: false });
  });

  it('given an altered event, when verified, then the finding names it in words: stream, revision, event id, global position and time', () => {
    const path = copyOfStore();
    let altered: Readonly<{ eventId: string; revision: bigint; position: bigint; occurredAt: unknown }> | undefined;
    tamperWith(path, ({ run, rows }) => {
      const newest = newestOf(rows, JORDAN_DEVICES);
      altered = { eventId: newest.event_id, revision: newest.stream_revision, position: newest.position, occurredAt: (JSON.parse(newest.metadata) as JsonObject).occurredAt };
      run('UPDATE events SET data = ? WHERE position = ?', JSON.stringify({ ...(JSON.parse(newest.data) as JsonObject), name: 'Evil' }), newest.position);
    });
    if (altered === undefined) throw new Error('nothing altered');
    if (typeof altered.occurredAt !== 'string') throw new Error('the story’s events carry their time');

    const text = ssp(['audit', 'verify', '--store', `sqlite:${path}`]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(
      `ALTERED: ${JORDAN_DEVICES}@${altered.revision} (event ${altered.eventId}, position ${altered.position}/${altered.position}, ${altered.occurredAt}): its content no longer matches its hash`,
    );

    const { report } = verifyJson(`sqlite:${path}`);
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'ALTERED', eventId: altered.eventId, position: `${altered.position}/${altered.position}`, occurredAt: altered.occurredAt }),
    ]);
    expect(report.storeIntegrity).toEqual({ checked: true, ok: true, problems: [] });
  });
});
