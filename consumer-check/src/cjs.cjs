// (2) Plain Node.js, CommonJS: every entry point loads with require, and commands are handled
// through the in-memory store and through the EventStoreDB adapter against the test server.
const assert = require('node:assert/strict');
const { createCommandHandler } = require('@ssp/commands');
const { createInMemoryEventStore } = require('@ssp/eventstore');
const { connectEventStoreDb } = require('@ssp/eventstoredb');
const { startEventStoreDbTestServer } = require('@ssp/eventstoredb-test-server');
const entryPoints = require('./entry-points.cjs');

const handleOn = async (store) => {
  const result = await createCommandHandler({ store })(entryPoints.openAccount());
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(
    result.events.map((event) => `${event.streamName} ${event.type}`),
    ['Account-00000000-0000-4000-8000-000000000001 AccountOpened'],
  );
  await store.close();
};

const main = async () => {
  const declared = entryPoints.declared();
  assert.deepEqual(declared, entryPoints.expected(), 'the entry points the packages declare');
  for (const specifier of declared) assert.ok(Object.keys(require(specifier)).length > 0, `${specifier} exports something`);

  await handleOn(createInMemoryEventStore());
  const server = await startEventStoreDbTestServer();
  try {
    await handleOn(connectEventStoreDb(server.connectionString));
  } finally {
    await server.stop();
  }
  console.log(`${declared.length} entry points required; OpenAccount handled in memory and on EventStoreDB`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
