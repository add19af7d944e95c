// A server to run tests against: the in-process gRPC test server, or the real server named by
// ESDB_CONNECTION_STRING. `jest-setup.ts` beside this file is a Jest setup file, not an export.
export { startTestTarget, type TestTarget } from './test-target';
