// A server to run tests against: the in-process gRPC test server, or the real server named by
// ESDB_CONNECTION_STRING. The test server comes from `@ssp/eventstoredb-test-server`, an
// optional peer of this package needed by this entry point only. `jest-setup.ts` beside this
// file is a Jest setup file of the workspace, not an export.
export { startTestTarget, type TestTarget } from './test-target';
