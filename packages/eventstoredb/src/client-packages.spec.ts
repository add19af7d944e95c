import * as E from 'fp-ts/Either';
import type { EventStoreDbClient, KurrentDbClient } from './client-shape';
import {
  clientFor,
  installedClientPackages,
  onePackagePerRealm,
  type ClientPackages,
  type EventStoreDbModule,
  type KurrentDbModule,
} from './client-packages';
import { connectThrough } from './connect';

// Checked by the compiler only: loading both client packages in one realm is not allowed.
// The real packages fit the shapes the adapter loads them as.
type Fits<Actual extends Expected, Expected> = [Actual, Expected];
export type RealPackagesFit = [
  Fits<typeof import('@eventstore/db-client'), EventStoreDbModule>,
  Fits<typeof import('@kurrent/kurrentdb-client'), KurrentDbModule>,
];

/** Stand-ins that remember the connection strings they were given; no client is built. */
const fakePackages = (installed: Readonly<{ eventstoredb?: boolean; kurrentdb?: boolean }>) => {
  const given: string[] = [];
  const client = <Client>(name: string) => (connectionString: string): Client => {
    given.push(`${name} ${connectionString}`);
    if (connectionString.includes('unparsable')) throw new Error('Unexpected "unparsable"');
    // Never called: the specs only look at which factory was asked, with what.
    return {} as Client;
  };
  const packages: ClientPackages = {
    eventstoredb: () => (installed.eventstoredb === true ? { EventStoreDBClient: { connectionString: client<EventStoreDbClient>('eventstoredb') } } : undefined),
    kurrentdb: () => (installed.kurrentdb === true ? { KurrentDBClient: { connectionString: client<KurrentDbClient>('kurrentdb') } } : undefined),
  };
  return { packages, given };
};

const dialectOf = (result: E.Either<string, Readonly<{ dialect: string }>>): string => (E.isRight(result) ? result.right.dialect : result.left);

describe('choosing the client package', () => {
  it.each([
    ['esdb://db:2113?tls=false', { eventstoredb: true, kurrentdb: true }, 'eventstoredb esdb://db:2113?tls=false'],
    ['kurrentdb://db:2113?tls=false', { eventstoredb: true, kurrentdb: true }, 'kurrentdb kurrentdb://db:2113?tls=false'],
    ['esdb+discover://db:2113', { kurrentdb: true }, 'kurrentdb kurrentdb+discover://db:2113'],
    ['kurrentdb://db:2113?tls=false', { eventstoredb: true }, 'eventstoredb esdb://db:2113?tls=false'],
    ['kdb+discover://db:2113', { eventstoredb: true }, 'eventstoredb esdb+discover://db:2113'],
  ])('given %s and the packages %j, then the client is built from %s', (connectionString, installed, expected) => {
    const { packages, given } = fakePackages(installed);

    expect(E.isRight(clientFor(connectionString, packages))).toBe(true);
    expect(given).toEqual([expected]);
  });

  it('given both packages, then only the chosen one is loaded', () => {
    const loaded: string[] = [];
    const { packages } = fakePackages({ eventstoredb: true, kurrentdb: true });
    const watched: ClientPackages = {
      eventstoredb: () => {
        loaded.push('eventstoredb');
        return packages.eventstoredb();
      },
      kurrentdb: () => {
        loaded.push('kurrentdb');
        return packages.kurrentdb();
      },
    };

    expect(dialectOf(clientFor('esdb://db:2113', watched))).toBe('eventstoredb');
    expect(loaded).toEqual(['eventstoredb']);
  });

  it('given both packages and one already loaded, then every later connection goes through it, whatever its scheme', () => {
    const { packages, given } = fakePackages({ eventstoredb: true, kurrentdb: true });
    const oneRealm = onePackagePerRealm(packages);

    clientFor('esdb://first:2113', oneRealm);
    clientFor('kurrentdb://second:2113', oneRealm);

    expect(given).toEqual(['eventstoredb esdb://first:2113', 'eventstoredb esdb://second:2113']);
  });

  it('given neither package, then the reason names both', () => {
    expect(dialectOf(clientFor('esdb://db:2113', fakePackages({}).packages))).toBe(
      'connecting to EventStoreDB needs a client package: install @eventstore/db-client (6.x) or @kurrent/kurrentdb-client (1.x) next to @ssp/eventstoredb',
    );
  });

  it('given a string the client cannot parse, then the reason says so', () => {
    expect(dialectOf(clientFor('esdb://unparsable', fakePackages({ eventstoredb: true }).packages))).toBe(
      'invalid EventStoreDB connection string: Unexpected "unparsable"',
    );
  });

  it('given a package that fails to load, then the reason carries its error', () => {
    const broken: ClientPackages = {
      eventstoredb: () => {
        throw new Error('@eventstore/db-client is installed but exports no EventStoreDBClient.connectionString');
      },
      kurrentdb: () => undefined,
    };

    expect(dialectOf(clientFor('esdb://db:2113', broken))).toMatch(/^cannot load the EventStoreDB client: @eventstore\/db-client is installed but/);
  });

  it('given neither package, when the store is used, then every call answers Failure with the reason', async () => {
    const store = connectThrough(fakePackages({}).packages, 'esdb://db:2113');

    const read = await store.readStream('Account-1')();

    expect(read).toEqual(E.left({ kind: 'Failure', message: expect.stringContaining('needs a client package') }));
    await store.close();
  });

  it('given the workspace, where @eventstore/db-client is installed, then the installed packages offer it', () => {
    expect(typeof installedClientPackages.eventstoredb()?.EventStoreDBClient.connectionString).toBe('function');
  });
});
