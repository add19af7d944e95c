export { projectionSpec, type GivenEvent, type ProjectionStage } from './projection-spec';
export { createTestHistory, type TestHistory } from './history';
export { testId } from './ids';
export { authenticator, cast, openPortal, owner, startSession, stepUp, user } from './portal';
