import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import type { EventStore, StoreError } from '@ssp/eventstore';
import { checkpointStreamOf, createEventStoreDbCheckpointStore, type CheckpointStore } from './checkpoint-store';
import { connectEventStoreDb } from './connect';
import { CHECKPOINT_CATEGORY } from './event-filter';
import { startTestTarget, type TestTarget } from './testing/test-target';

const TIMEOUT = 60_000;

let target: TestTarget;
let client: EventStoreDBClient;
let checkpoints: CheckpointStore;
let store: EventStore;

beforeAll(async () => {
  target = await startTestTarget();
  client = EventStoreDBClient.connectionString(target.connectionString);
  checkpoints = createEventStoreDbCheckpointStore(client);
  store = connectEventStoreDb(target.connectionString);
}, TIMEOUT);

afterAll(async () => {
  await store.close();
  await client.dispose();
  await target.stop();
});

const right = async <A>(task: TaskEither<StoreError, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected success, got ${result.left.kind}`);
  return result.right;
};

const freshProjection = (): string => `projection${randomUUID().replace(/-/g, '')}`;

describe('projection checkpoints stored in EventStoreDB', () => {
  it('given a projection that never saved, when reading its checkpoint, then it starts from the start', async () => {
    expect(await right(checkpoints.read(freshProjection()))).toBe('start');
  }, TIMEOUT);

  it('given two saves, when reading, then the latest comes back and the stream keeps only it', async () => {
    const projection = freshProjection();
    await right(checkpoints.save(projection, { commit: 100n, prepare: 90n }));
    await right(checkpoints.save(projection, { commit: 200n, prepare: 200n }));

    expect(await right(checkpoints.read(projection))).toEqual({ commit: 200n, prepare: 200n });
    const kept = [];
    for await (const resolved of client.readStream(checkpointStreamOf(projection))) kept.push(resolved.event?.data);
    expect(kept).toEqual([{ position: '200/200' }]);
  }, TIMEOUT);

  it('given saved checkpoints, when reading or following $all, then no checkpoint event is handed to projections', async () => {
    const projection = freshProjection();
    await right(checkpoints.save(projection, { commit: 1n, prepare: 1n }));

    const filter = { kind: 'streamCategory', categories: [CHECKPOINT_CATEGORY] } as const;
    expect(await right(store.readAll({ filter }))).toEqual([]);
    const subscription = store.subscribeToAll({ filter });
    try {
      const first = await subscription[Symbol.asyncIterator]().next();
      expect(first.value).toEqual({ kind: 'caughtUp' });
    } finally {
      await subscription.close();
    }
  }, TIMEOUT);
});
