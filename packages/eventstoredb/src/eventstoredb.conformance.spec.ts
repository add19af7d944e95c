import { describeEventStoreConformance } from '@ssp/eventstore/conformance';
import { connectEventStoreDb } from './connect';
import { startTestTarget, targetKinds, type TestTarget } from './testing/test-target';

// The shared conformance suite through @eventstore/db-client, over real gRPC: against the test
// server (in both of its append modes) or, when ESDB_CONNECTION_STRING is set, that server.
describe.each(targetKinds())('against $name', ({ name, testServer }) => {
  let target: TestTarget | undefined;

  beforeAll(async () => {
    target = await startTestTarget(testServer);
  }, 60_000);

  afterAll(async () => {
    await target?.stop();
  });

  describeEventStoreConformance(`EventStoreDB (${name}) through @eventstore/db-client`, async () => {
    if (target === undefined) throw new Error('the test target did not start');
    const store = connectEventStoreDb(target.connectionString, {
      resubscribe: { initialDelayMs: 50, maxDelayMs: 1_000, maxAttempts: 5 },
    });
    return { store, teardown: () => store.close() };
  });
});
