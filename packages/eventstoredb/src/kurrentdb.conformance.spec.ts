import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeEventStoreConformance } from '@ssp/eventstore/conformance';
import { createEventStoreDbStore } from './eventstoredb-store';
import { startTestTarget, type TestTarget } from './testing/test-target';

// The same suite through @kurrent/kurrentdb-client, whose appends name the expected state
// `streamState` and whose reads go through its native bridge. It runs in a spec file of its
// own: the two clients' generated protobuf code must not share a realm.
let target: TestTarget | undefined;

beforeAll(async () => {
  target = await startTestTarget();
}, 60_000);

afterAll(async () => {
  await target?.stop();
});

describeEventStoreConformance('KurrentDB through @kurrent/kurrentdb-client', async () => {
  if (target === undefined) throw new Error('the test target did not start');
  const store = createEventStoreDbStore(
    { dialect: 'kurrentdb', client: KurrentDBClient.connectionString(target.kurrentConnectionString) },
    { resubscribe: { initialDelayMs: 50, maxDelayMs: 1_000, maxAttempts: 5 } },
  );
  return { store, teardown: () => store.close() };
});
