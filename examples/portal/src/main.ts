import { Command, InvalidArgumentError, Option } from 'commander';
import * as E from 'fp-ts/Either';
import { buildApp } from './app';
import { seedIfEmpty } from './seed/seed';
import { createPortalServices } from './services';
import { openPortalStores } from './stores/open-stores';
import { parseStoreSpec, storeSpecHelp } from './stores/store-spec';

type Options = Readonly<{ port: number; host: string; store?: string; empty?: boolean }>;

const parsePort = (text: string): number => {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535');
  return port;
};

/** The command line's edge: errors become a message for the person at the terminal and exit code 1. */
const fail = (message: string): never => {
  process.stderr.write(`portal: ${message}\n`);
  process.exit(1);
};

const start = async (options: Options): Promise<void> => {
  const spec = parseStoreSpec(options.store, process.env, process.cwd());
  if (E.isLeft(spec)) return fail(spec.left.message);
  const stores = openPortalStores(spec.right);
  if (E.isLeft(stores)) return fail(stores.left.message);
  const services = await createPortalServices({
    stores: stores.right,
    onProjectionStopped: (error) => process.stderr.write(`portal: a read model stopped: ${JSON.stringify(error, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}\n`),
    onNotificationsStopped: (error) => process.stderr.write(`portal: the notification worker stopped: ${error.kind}${'message' in error ? `: ${error.message}` : ''}\n`),
  });
  if (E.isLeft(services)) return fail(`the read models or the notification worker could not start: ${services.left.kind}${'message' in services.left ? `: ${services.left.message}` : ''}`);
  if (options.empty !== true) {
    const seeded = await seedIfEmpty(services.right);
    if (E.isLeft(seeded)) return fail(`seeding failed: ${seeded.left.kind === 'StoreError' ? seeded.left.error.kind : `${seeded.left.commandType} refused with ${seeded.left.error.code}`}`);
    if (seeded.right.seeded) process.stdout.write(`Seeded the organisation (${seeded.right.events} events).\n`);
  }
  const app = await buildApp({ services: services.right, logger: false });
  const shutdown = async (): Promise<void> => {
    await app.close();
    await services.right.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const address = await app.listen({ port: options.port, host: options.host });
  process.stdout.write(`Store: ${stores.right.description}\nThe portal is at ${address.replace('0.0.0.0', '127.0.0.1')}\n`);
};

new Command('portal')
  .description('The self-service portal as a web application: Admin Panel, authentication prompt, My Settings & Devices, audit pages and a JSON API')
  .addOption(new Option('--port <port>', 'the port to listen on').default(3000).argParser(parsePort))
  .option('--host <host>', 'the address to listen on', '127.0.0.1')
  .option('--store <spec>', `where the events live: ${storeSpecHelp}; ESDB_CONNECTION_STRING when not given`)
  .option('--empty', 'start on a bare store: do not seed the organisation')
  .action(async (options: Options) => start(options))
  .parseAsync(process.argv)
  .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
