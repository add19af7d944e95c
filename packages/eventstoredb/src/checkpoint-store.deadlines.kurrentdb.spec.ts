import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import { createEventStoreDbCheckpointStore, type CheckpointStore } from './checkpoint-store';
import {
  describeOnTestServer,
  failureOf,
  firstSuccessOf,
  freshCategory,
  pause,
  SPEC_TIMEOUT_MS,
  successOf,
  TEST_DEADLINE_MS,
  unavailable,
} from './testing/frozen-server';

// checkpoint-store.deadlines.spec.ts again through @kurrent/kurrentdb-client, whose reads go
// through its native reader rather than grpc-js. A file of its own: the two clients' generated
// protobuf code must not share a realm.
describeOnTestServer('projection checkpoints on a frozen KurrentDB through @kurrent/kurrentdb-client', () => {
  let server: EventStoreDbTestServer;
  let client: KurrentDBClient;
  let checkpoints: CheckpointStore;
  /** Saved before the freeze; fresh for each test, as a save that waited may land on resume. */
  let served: string;

  beforeAll(async () => {
    server = await startEventStoreDbTestServer();
  }, 60_000);

  beforeEach(async () => {
    // The clients' own keepalive (10 s + 10 s): within the spec's time, only the deadline ends a call.
    client = KurrentDBClient.connectionString(server.kurrentConnectionString);
    checkpoints = createEventStoreDbCheckpointStore(client, { deadlineMs: TEST_DEADLINE_MS });
    served = freshCategory('projection');
    // Both the gRPC channel and the native reader connected before the freeze.
    await successOf(checkpoints.save(served, { commit: 1n, prepare: 1n }));
    await firstSuccessOf(checkpoints.read(served));
  }, 60_000);

  afterEach(async () => {
    await server.resume();
    await client.dispose();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('given a frozen server, when reading and saving checkpoints, then each answers Unavailable', async () => {
    await server.stall();

    expect(await failureOf(checkpoints.read(served))).toEqual(unavailable);
    expect(await failureOf(checkpoints.save(served, { commit: 2n, prepare: 2n }))).toEqual(unavailable);
    expect(await failureOf(checkpoints.save(freshCategory('projection'), { commit: 2n, prepare: 2n }))).toEqual(unavailable);
  }, SPEC_TIMEOUT_MS);

  it('given checkpoint calls that got no answer, when the server resumes, then saves and reads succeed again', async () => {
    // A first save: what waits through the freeze is its metadata, which may land late harmlessly.
    const projection = freshCategory('projection');
    await server.stall();
    expect(await failureOf(checkpoints.save(projection, { commit: 2n, prepare: 2n }))).toEqual(unavailable);
    expect(await failureOf(checkpoints.read(served))).toEqual(unavailable);
    await pause(500);

    await server.resume();
    await successOf(checkpoints.save(projection, { commit: 5n, prepare: 4n }));

    expect(await successOf(checkpoints.read(projection))).toEqual({ commit: 5n, prepare: 4n });
  }, SPEC_TIMEOUT_MS);
});
