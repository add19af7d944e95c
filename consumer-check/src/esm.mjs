// (1) Plain Node.js, ES modules: every entry point loads, and commands are handled through the
// in-memory store and through the EventStoreDB adapter against the test server's worker.
import assert from 'node:assert/strict';
import { createCommandHandler } from '@ssp/commands';
import { createInMemoryEventStore } from '@ssp/eventstore';
import { connectEventStoreDb } from '@ssp/eventstoredb';
import { startEventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import entryPoints from './entry-points.cjs';

const declared = entryPoints.declared();
assert.deepEqual(declared, entryPoints.expected(), 'the entry points the packages declare');
for (const specifier of declared) {
  const module = await import(specifier);
  assert.ok(Object.keys(module).length > 0, `${specifier} exports something`);
}

const handleOn = async (store) => {
  const result = await createCommandHandler({ store })(entryPoints.openAccount());
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(
    result.events.map((event) => `${event.streamName} ${event.type}`),
    ['Account-00000000-0000-4000-8000-000000000001 AccountOpened'],
  );
  await store.close();
};

await handleOn(createInMemoryEventStore());
const server = await startEventStoreDbTestServer();
try {
  await handleOn(connectEventStoreDb(server.connectionString));
} finally {
  await server.stop();
}
console.log(`${declared.length} entry points imported; OpenAccount handled in memory and on EventStoreDB`);
