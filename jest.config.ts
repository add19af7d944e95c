import type { Config } from 'jest';

// One configuration runs every package's tests. Type checking is done once by `tsc`
// (see the `test` script), so ts-jest only transpiles: on two cores that halves the run.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples'],
  testMatch: ['**/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tsconfig.base.json' }],
  },
  collectCoverageFrom: ['packages/domain/src/**/*.ts', '!**/*.spec.ts', '!**/testing/**'],
  coverageThreshold: {
    global: {},
    './packages/domain/src/': { lines: 95 },
  },
  coverageReporters: ['text-summary', 'text'],
};

export default config;
