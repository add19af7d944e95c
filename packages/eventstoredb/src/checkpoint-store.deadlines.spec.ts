import { EventStoreDBClient } from '@eventstore/db-client';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import { createEventStoreDbCheckpointStore, type CheckpointStore } from './checkpoint-store';
import {
  describeOnTestServer,
  failureOf,
  freshCategory,
  pause,
  QUICK_KEEPALIVE,
  SPEC_TIMEOUT_MS,
  successOf,
  TEST_DEADLINE_MS,
  unavailable,
} from './testing/frozen-server';

// deadlines.spec.ts for the checkpoint store, which a projection host calls between batches:
// against a server frozen like `kill -STOP`, each read and save must answer `Unavailable`
// rather than hold the projection forever, and checkpoints must work again once it resumes.
// Through both append paths of @eventstore/db-client: BatchAppend (21.10+) and Append (20.x).
const freshProjection = (): string => freshCategory('projection');

describeOnTestServer.each([
  { path: 'BatchAppend', features: 'batchAppend' as const },
  { path: 'Append', features: 'none' as const },
])('projection checkpoints on a frozen EventStoreDB, appending through $path', ({ features }) => {
  let server: EventStoreDbTestServer;
  let clients: EventStoreDBClient[] = [];
  /**
   * A projection that saved before the freeze: its stream's metadata is set. A fresh one for
   * each test, since a save that waited through a freeze may be written when the server resumes.
   */
  let served: string;

  /**
   * A checkpoint store connected and past ServerFeatures, like that of a projection host that
   * has been running. With the clients' own keepalive (10 s + 10 s), only the deadline can end
   * a call within the spec's time; with `QUICK_KEEPALIVE`, keepalive drops the connection first.
   */
  const servingCheckpoints = async (keepalive: 'default' | 'quick'): Promise<CheckpointStore> => {
    const client = EventStoreDBClient.connectionString(keepalive === 'quick' ? `${server.connectionString}&${QUICK_KEEPALIVE}` : server.connectionString);
    clients.push(client);
    const checkpoints = createEventStoreDbCheckpointStore(client, { deadlineMs: TEST_DEADLINE_MS });
    served = freshProjection();
    await successOf(checkpoints.save(served, { commit: 1n, prepare: 1n }));
    return checkpoints;
  };

  beforeAll(async () => {
    server = await startEventStoreDbTestServer({ features });
  }, 60_000);

  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await server.resume();
    await Promise.all(clients.map((client) => client.dispose()));
    clients = [];
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('given a frozen server, when reading a checkpoint, then the read answers Unavailable', async () => {
    const checkpoints = await servingCheckpoints('default');
    await server.stall();

    expect(await failureOf(checkpoints.read(served))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given a frozen server, when saving the checkpoint of a projection that saved before, then the save answers Unavailable', async () => {
    const checkpoints = await servingCheckpoints('default');
    await server.stall();

    expect(await failureOf(checkpoints.save(served, { commit: 2n, prepare: 2n }))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  // Its first save sets the stream's metadata before appending: that write is bounded too.
  it('given a frozen server, when saving the first checkpoint of a projection, then the save answers Unavailable', async () => {
    const checkpoints = await servingCheckpoints('default');
    await server.stall();

    expect(await failureOf(checkpoints.save(freshProjection(), { commit: 2n, prepare: 2n }))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given a call that got no answer and time for keepalive to drop the connection, when the next checkpoint calls are made while the server stays frozen, then each answers Unavailable', async () => {
    const checkpoints = await servingCheckpoints('quick');
    await server.stall();
    expect(await failureOf(checkpoints.save(served, { commit: 2n, prepare: 2n }))).toEqual(unavailable);
    // Gives keepalive (300 ms + 300 ms) time to give up on the connection; should it not have,
    // the calls below meet the old connection instead, and must answer just the same.
    await pause(1_500);

    expect(await failureOf(checkpoints.read(served))).toEqual(unavailable);
    expect(await failureOf(checkpoints.save(served, { commit: 3n, prepare: 3n }))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given checkpoint calls that got no answer, when the server resumes, then saves and reads succeed again', async () => {
    const checkpoints = await servingCheckpoints('quick');
    // A first save: what waits through the freeze is its metadata, which may land late harmlessly.
    const projection = freshProjection();
    await server.stall();
    expect(await failureOf(checkpoints.save(projection, { commit: 2n, prepare: 2n }))).toEqual(unavailable);
    expect(await failureOf(checkpoints.read(served))).toEqual(unavailable);
    await pause(1_500);

    await server.resume();
    await successOf(checkpoints.save(projection, { commit: 5n, prepare: 4n }));

    expect(await successOf(checkpoints.read(projection))).toEqual({ commit: 5n, prepare: 4n });
    expect(await successOf(checkpoints.read(served))).toEqual({ commit: 1n, prepare: 1n });
  }, SPEC_TIMEOUT_MS);
});
