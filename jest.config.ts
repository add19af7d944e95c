import type { Config } from 'jest';

// Type checking is done once by `tsc` (see the `test` script); with `isolatedModules` in
// tsconfig.base.json, ts-jest only transpiles: on two cores that halves the run.
const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
  },
} satisfies Config;

// The web portal's specs (HTTP and browser) load Fastify, whose injector needs `cookie` 2,
// which ships as an ES module only: Jest's CommonJS runtime on Node 20 cannot require it, so
// that one package is transpiled to CommonJS.
const portalModules = {
  transform: {
    ...common.transform,
    '/node_modules/\\.pnpm/cookie@[^/]+/node_modules/cookie/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/cookie@|cookie/))'],
} satisfies Config;

// Five projects. `all` runs every package's tests on the stores they name (in memory by
// default). `portal` and `portal-browser` run the web portal's HTTP specs and its specs in a
// real browser. `eventstoredb` runs the command handlers' and the projections' specs again
// through the real EventStoreDB client over gRPC: against the test server, or the real server named by
// ESDB_CONNECTION_STRING (see packages/eventstoredb/src/testing). `bench` checks the
// benchmark's workloads for correctness at small sizes (never its timings).
const config: Config = {
  projects: [
    {
      ...common,
      displayName: 'all',
      roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/architecture'],
      testMatch: ['**/src/**/*.spec.ts', '<rootDir>/architecture/*.spec.ts'],
      // The portal's specs run in their own project, below.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/examples/portal/'],
    },
    {
      // The web portal's HTTP specs (Fastify's inject).
      ...common,
      ...portalModules,
      displayName: 'portal',
      roots: ['<rootDir>/examples/portal'],
      testMatch: ['<rootDir>/examples/portal/src/**/*.spec.ts'],
      // The browser specs run in their own project, below.
      testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.spec\\.ts$'],
    },
    {
      // The web portal in a real browser: Debian's Chromium driven by playwright-core against
      // the app listening on 127.0.0.1 (examples/portal/src/browser). A spec fails, never
      // skips, when /usr/bin/chromium is missing; .ci/run installs it. Its setup file gives each
      // test 60 s.
      ...common,
      ...portalModules,
      displayName: 'portal-browser',
      roots: ['<rootDir>/examples/portal'],
      testMatch: ['<rootDir>/examples/portal/src/**/*.browser.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/examples/portal/src/browser/jest-setup.ts'],
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
    {
      // The benchmark's correctness (counts and read models of each system at --quick sizes);
      // never its figures.
      ...common,
      displayName: 'bench',
      roots: ['<rootDir>/bench'],
      testMatch: ['<rootDir>/bench/src/**/*.spec.ts'],
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
