import { startEventStoreDbTestServer, type EventStoreDbTestServerOptions } from '@ssp/eventstoredb-test-server';

/**
 * Where the tests send their requests: the server named by `ESDB_CONNECTION_STRING` when it
 * is set (the same tests then run against a real EventStoreDB or KurrentDB), otherwise a test
 * server started for the spec file.
 */
export type TestTarget = Readonly<{
  /** For `@eventstore/db-client`. */
  connectionString: string;
  /** The same server, for `@kurrent/kurrentdb-client`. */
  kurrentConnectionString: string;
  stop: () => Promise<void>;
}>;

/** A way to reach a server, named for the test titles. */
export type TargetKind = Readonly<{ name: string; testServer: EventStoreDbTestServerOptions }>;

export const realServerConnectionString = (): string | undefined => {
  const value = process.env['ESDB_CONNECTION_STRING'];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/**
 * The targets a suite runs against: the real server alone when one is named; otherwise the
 * test server twice, once as EventStoreDB 21.10+ (clients append through BatchAppend) and once
 * as 20.x (no ServerFeatures, clients append through Append), since both client paths exist.
 */
export const targetKinds = (): readonly TargetKind[] => {
  const real = realServerConnectionString();
  return real !== undefined
    ? [{ name: `the server at ${real}`, testServer: {} }]
    : [
        { name: 'the test server appending through BatchAppend', testServer: { features: 'batchAppend' } },
        { name: 'the test server appending through Append', testServer: { features: 'none' } },
      ];
};

/** `esdb://` and `esdb+discover://` under the names the Kurrent client prefers. */
export const asKurrentConnectionString = (connectionString: string): string =>
  connectionString.replace(/^esdb(\+discover)?:\/\//, (_match, discover: string | undefined) => `kurrentdb${discover ?? ''}://`);

export const startTestTarget = async (options: EventStoreDbTestServerOptions = {}): Promise<TestTarget> => {
  const real = realServerConnectionString();
  if (real !== undefined) {
    return { connectionString: real, kurrentConnectionString: asKurrentConnectionString(real), stop: async () => undefined };
  }
  const server = await startEventStoreDbTestServer(options);
  return { connectionString: server.connectionString, kurrentConnectionString: server.kurrentConnectionString, stop: server.stop };
};
