import { EventStoreDBClient } from '@eventstore/db-client';
import { describeConsumerGroupConformance } from '@ssp/eventstore/conformance';
import { createEventStoreDbConsumerGroups } from './consumer-groups';
import { createEventStoreDbStore } from './eventstoredb-store';
import { startTestTarget, type TestTarget } from './testing/test-target';

// The shared consumer-group suite through @eventstore/db-client, over real gRPC: against the
// test server (as 21.10 and later, since persistent subscriptions to $all need ServerFeatures)
// or, when ESDB_CONNECTION_STRING is set, that server. Store and groups share one client.
let target: TestTarget | undefined;

beforeAll(async () => {
  target = await startTestTarget({ features: 'batchAppend' });
}, 60_000);

afterAll(async () => {
  await target?.stop();
});

describeConsumerGroupConformance('EventStoreDB persistent subscriptions through @eventstore/db-client', async () => {
  if (target === undefined) throw new Error('the test target did not start');
  const client = EventStoreDBClient.connectionString(target.connectionString);
  const store = createEventStoreDbStore({ dialect: 'eventstoredb', client });
  return { store, groups: createEventStoreDbConsumerGroups(client, { store }), close: () => store.close() };
});
