import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { createInMemoryReadModelStore, type ReadModelStore } from '@ssp/eventstore';
import { createProjectionRunner, mySettingsAndDevicesProjection, applicationSettingsProjection } from '@ssp/projections';
import { openSqliteDatabase, openSqliteEventStore, openSqliteReadModelStore } from '@ssp/sqlite';
import { seedStoryFile } from '../seed-story';
import { parseScenario } from './parse';
import { runScenario } from './run';

// Events, read models and checkpoints in one SQLite file, as the demo and auditors use it.
const story = seedStoryFile;

const right = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a value, got ${JSON.stringify(either.left)}`);
  return either.right;
};

const openFile = (path: string) => {
  const database = right(openSqliteDatabase({ path }));
  return { database, events: right(openSqliteEventStore({ database })), readModels: right(openSqliteReadModelStore({ database })) };
};

/** A read-model store whose n-th commit fails, like a process that dies while committing. */
const failingOnCommit = (store: ReadModelStore, failing: number): ReadModelStore => {
  let commits = 0;
  return {
    ...store,
    commit: (projection, changes, checkpoint) => {
      commits += 1;
      return commits === failing ? TE.left({ kind: 'Unavailable', message: 'the process died while committing' }) : store.commit(projection, changes, checkpoint);
    },
  };
};

describe('projections over one SQLite file', () => {
  it('given the seed story in a file, when a catch-up dies mid-way and resumes after a reopen, then the read models equal a clean rebuild, with no event applied twice', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ssp-projections-')), 'store.sqlite');
    const first = openFile(path);
    await runScenario(first.events, right(parseScenario(readFileSync(story, 'utf8'))), () => undefined);

    const dying = createProjectionRunner({ events: first.events, readModels: failingOnCommit(first.readModels, 3), batchSize: 5 });
    expect(E.isLeft(await dying.catchUp(mySettingsAndDevicesProjection)())).toBe(true);
    const checkpointAtDeath = right(await first.readModels.checkpoint(mySettingsAndDevicesProjection.name)());
    expect(checkpointAtDeath).not.toBe('start');
    await first.events.close();
    first.database.close();

    const second = openFile(path);
    expect(right(await second.readModels.checkpoint(mySettingsAndDevicesProjection.name)())).toEqual(checkpointAtDeath);
    const resumed = createProjectionRunner({ events: second.events, readModels: second.readModels, batchSize: 5 });
    expect(E.isRight(await resumed.catchUp(mySettingsAndDevicesProjection)())).toBe(true);
    expect(E.isRight(await resumed.catchUp(applicationSettingsProjection)())).toBe(true);

    const clean = createInMemoryReadModelStore();
    const rebuild = createProjectionRunner({ events: second.events, readModels: clean });
    expect(E.isRight(await rebuild.catchUp(mySettingsAndDevicesProjection)())).toBe(true);
    expect(E.isRight(await rebuild.catchUp(applicationSettingsProjection)())).toBe(true);
    for (const name of [mySettingsAndDevicesProjection.name, applicationSettingsProjection.name]) {
      expect(right(await second.readModels.list(name)())).toEqual(right(await clean.list(name)()));
      expect(right(await second.readModels.checkpoint(name)())).toEqual(right(await clean.checkpoint(name)()));
    }
    await second.events.close();
    second.database.close();
  });
});
