import type { Config } from 'jest';

// Type checking is done once by `tsc` (see the `test` script); with `isolatedModules` in
// tsconfig.base.json, ts-jest only transpiles: on two cores that halves the run.
const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
  },
} satisfies Config;

// Two projects. `all` runs every package's tests on the stores they name (in memory by
// default). `eventstoredb` runs the command handlers' and the projections' specs again
// through the real EventStoreDB client over gRPC: against the test server, or the real server named by
// ESDB_CONNECTION_STRING (see packages/eventstoredb/src/testing).
const config: Config = {
  projects: [
    {
      ...common,
      displayName: 'all',
      roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/architecture'],
      testMatch: ['**/src/**/*.spec.ts', '<rootDir>/architecture/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'eventstoredb',
      roots: ['<rootDir>/packages/commands', '<rootDir>/packages/projections'],
      // The specs whose worlds and histories take their store from `testStore()`; the setup
      // file makes every such store a view of one EventStoreDB per spec file.
      testMatch: [
        '<rootDir>/packages/commands/src/*.spec.ts',
        '<rootDir>/packages/projections/src/{audit,read-models,runner}/*.spec.ts',
      ],
      // Left out: the loader's own specs (they build in-memory stores by hand), the claims
      // property (thirty random runs take minutes over gRPC; it checks handler logic, which
      // the in-memory run covers, while the example-based claim specs run here too) and the
      // fuzz of 100,000 inputs (decoding and the rules, which no store changes).
      testPathIgnorePatterns: ['/node_modules/', 'stream-loader\\.spec\\.ts$', 'phone-number-claims\\.property\\.spec\\.ts$', 'handler\\.fuzz\\.spec\\.ts$'],
      setupFilesAfterEnv: ['<rootDir>/packages/eventstoredb/src/testing/jest-setup.ts'],
    },
  ],
  collectCoverageFrom: ['packages/domain/src/**/*.ts', '!**/*.spec.ts', '!**/testing/**'],
  coverageThreshold: {
    global: {},
    './packages/domain/src/': { lines: 95 },
  },
  coverageReporters: ['text-summary', 'text'],
};

export default config;
