import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { createInMemoryReadModelStore, type EventStore } from '@ssp/eventstore';
import { connectEventStoreDb } from '@ssp/eventstoredb';
import { startEventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import { createProjectionRunner, mySettingsAndDevicesProjection, readHistory, verifyHistory } from '@ssp/projections';
import { seedStoryFile } from '../seed-story';
import { parseScenario } from './parse';
import { runScenario } from './run';
import { seedStoryOutcomes } from './seed-story-outcomes';

// The command handlers and the projections through the real EventStoreDB client over real
// gRPC: against the test server here, or against a real server when ESDB_CONNECTION_STRING
// is set. The story's ids get a prefix of their own per run, because a real server keeps
// every stream from the runs before.
const story = seedStoryFile;
const prefix = randomBytes(4).toString('hex');
const text = readFileSync(story, 'utf8').replace(/00000000-0000-4000-8000-/g, `${prefix}-0000-4000-8000-`).replace(/c0000000-0000-4000-8000-/g, `c${prefix.slice(1)}-0000-4000-8000-`);
const jordan = `${prefix}-0000-4000-8000-000000000010`;

describe('the seed story on EventStoreDB', () => {
  let server: Awaited<ReturnType<typeof startEventStoreDbTestServer>> | undefined;
  let store: EventStore;

  beforeAll(async () => {
    const given = process.env.ESDB_CONNECTION_STRING;
    if (given === undefined) server = await startEventStoreDbTestServer();
    store = connectEventStoreDb(given ?? server?.connectionString ?? '');
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await server?.stop();
  });

  it('given the story, when its commands run through the handlers, then each has the outcome the story tells, and the projections and the audit read it back', async () => {
    const lines = parseScenario(text);
    if (E.isLeft(lines)) throw new Error(lines.left.message);
    const steps = await runScenario(store, lines.right, () => undefined);
    expect(steps.map((step) => (step.result.ok ? 'ok' : step.result.error.code))).toEqual(seedStoryOutcomes);

    const readModels = createInMemoryReadModelStore();
    const caughtUp = await createProjectionRunner({ events: store, readModels }).catchUp(mySettingsAndDevicesProjection)();
    expect(E.isRight(caughtUp)).toBe(true);
    const devices = await readModels.get(mySettingsAndDevicesProjection.name, jordan)();
    expect(E.isRight(devices) && devices.right).toMatchObject({ phones: [{ name: 'iOS phone' }, { name: "Jordan's iPad" }] });

    const history = await readHistory(store)();
    if (E.isLeft(history)) throw new Error(history.left.kind);
    const ours = history.right.filter((event) => event.streamName.includes(prefix));
    expect(verifyHistory(ours)).toMatchObject({ intact: true, events: 35 });
  }, 120_000);
});
