/**
 * The EventStoreDB test server in a process of its own, so that the parent's work (seeding,
 * collecting reports) does not starve it: says where it listens, stops when told.
 */
import { startEventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import { dieLoudly, nextFromParent } from './processes';
import { Stop } from './wire';

const main = async (): Promise<void> => {
  const server = await startEventStoreDbTestServer();
  process.send?.({ kind: 'listening', connectionString: server.connectionString });
  await nextFromParent(Stop);
  await server.stop();
  process.exit(0);
};

main().catch(dieLoudly);
