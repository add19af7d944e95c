import * as E from 'fp-ts/Either';
import type { DialectClient, EventStoreDbClient, KurrentDbClient } from './client-shape';

// The two client packages the adapter can drive are both optional peer dependencies: an
// application installs the one it uses, and `connectEventStoreDb` loads whichever is there the
// first time it is called, and never both (see `onePackagePerRealm`).

/** A client package's client class, as far as the adapter uses it: built from a connection string. */
export type ClientConstructor<Client> = Readonly<{ connectionString: (connectionString: string) => Client }>;

/** What the adapter takes from `@eventstore/db-client` 6.x. */
export type EventStoreDbModule = Readonly<{ EventStoreDBClient: ClientConstructor<EventStoreDbClient> }>;

/** What the adapter takes from `@kurrent/kurrentdb-client` 1.x. */
export type KurrentDbModule = Readonly<{ KurrentDBClient: ClientConstructor<KurrentDbClient> }>;

/** Each package, loaded on first use; `undefined` when it is not installed. */
export type ClientPackages = Readonly<{
  eventstoredb: () => EventStoreDbModule | undefined;
  kurrentdb: () => KurrentDbModule | undefined;
}>;

const EVENTSTOREDB_PACKAGE = '@eventstore/db-client';
const KURRENTDB_PACKAGE = '@kurrent/kurrentdb-client';

/** A property of a module, a class or an error; `undefined` for anything else. */
const field = (value: unknown, key: string): unknown =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && key in value ? Reflect.get(value, key) : undefined;

const hasFactory = (module: unknown, className: string): boolean => typeof field(field(module, className), 'connectionString') === 'function';

const isMissing = (error: unknown, name: string): boolean =>
  field(error, 'code') === 'MODULE_NOT_FOUND' && String(field(error, 'message')).includes(`'${name}'`);

/**
 * `require` of a package that may be absent. A package that is installed but fails to load, or
 * that is not the expected major version, is an error to report, not a missing package.
 */
const optionalPackage = <Module>(name: string, className: string, load: () => unknown): (() => Module | undefined) => () => {
  let module: unknown;
  try {
    module = load();
  } catch (error) {
    if (isMissing(error, name)) return undefined;
    throw error;
  }
  if (!hasFactory(module, className)) throw new Error(`${name} is installed but exports no ${className}.connectionString: is it the supported major version?`);
  // The shape of the real packages is checked by the compiler in client-packages.spec.ts.
  return module as Module;
};

/**
 * Once one package is loaded, the other counts as absent: the two packages' generated protobuf
 * code registers the same classes on the global object, and must not share a realm. Every
 * connection of a process then goes through the first package it loaded.
 */
export const onePackagePerRealm = (packages: ClientPackages): ClientPackages => {
  let loaded: keyof ClientPackages | undefined;
  const loadOnly = <Module>(name: keyof ClientPackages, load: () => Module | undefined) => (): Module | undefined => {
    if (loaded !== undefined && loaded !== name) return undefined;
    const module = load();
    if (module !== undefined) loaded = name;
    return module;
  };
  return { eventstoredb: loadOnly('eventstoredb', packages.eventstoredb), kurrentdb: loadOnly('kurrentdb', packages.kurrentdb) };
};

/** The packages as installed next to the adapter. The literal names let bundlers see them. */
export const installedClientPackages: ClientPackages = onePackagePerRealm({
  eventstoredb: optionalPackage<EventStoreDbModule>(EVENTSTOREDB_PACKAGE, 'EventStoreDBClient', () => require('@eventstore/db-client')),
  kurrentdb: optionalPackage<KurrentDbModule>(KURRENTDB_PACKAGE, 'KurrentDBClient', () => require('@kurrent/kurrentdb-client')),
});

const KURRENT_SCHEME = /^(?:kurrentdb|kdb)(\+discover)?:\/\//i;
const ESDB_SCHEME = /^esdb(\+discover)?:\/\//i;

/** The same server under the scheme each client knows it by: both speak the one protocol. */
const withScheme = (connectionString: string, scheme: 'esdb' | 'kurrentdb'): string =>
  connectionString.replace(scheme === 'esdb' ? KURRENT_SCHEME : ESDB_SCHEME, (_match, discover: string | undefined) => `${scheme}${discover ?? ''}://`);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type Candidate = () => (() => DialectClient) | undefined;

/**
 * A client for a connection string, from whichever package is installed: the one whose own
 * scheme the string uses (`esdb://` for `@eventstore/db-client`, `kurrentdb://` or `kdb://`
 * for the Kurrent client) when both are, else the other, given the string under its scheme.
 */
export const clientFor = (connectionString: string, packages: ClientPackages): E.Either<string, DialectClient> => {
  const eventStoreDb: Candidate = () => {
    const module = packages.eventstoredb();
    return module === undefined
      ? undefined
      : () => ({ dialect: 'eventstoredb', client: module.EventStoreDBClient.connectionString(withScheme(connectionString, 'esdb')) });
  };
  const kurrentDb: Candidate = () => {
    const module = packages.kurrentdb();
    return module === undefined
      ? undefined
      : () => ({ dialect: 'kurrentdb', client: module.KurrentDBClient.connectionString(withScheme(connectionString, 'kurrentdb')) });
  };
  const [preferred, other] = KURRENT_SCHEME.test(connectionString) ? [kurrentDb, eventStoreDb] : [eventStoreDb, kurrentDb];
  let connect: (() => DialectClient) | undefined;
  try {
    connect = preferred() ?? other();
  } catch (error) {
    return E.left(`cannot load the EventStoreDB client: ${messageOf(error)}`);
  }
  if (connect === undefined) {
    return E.left(`connecting to EventStoreDB needs a client package: install ${EVENTSTOREDB_PACKAGE} (6.x) or ${KURRENTDB_PACKAGE} (1.x) next to @ssp/eventstoredb`);
  }
  try {
    return E.right(connect());
  } catch (error) {
    return E.left(`invalid EventStoreDB connection string: ${messageOf(error)}`);
  }
};
