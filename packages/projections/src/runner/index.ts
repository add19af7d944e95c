export { createProjectionRunner, type CatchUpResult, type FollowHandle, type ProjectionRunner, type ProjectionRunnerOptions } from './runner';
export type { DocumentUpdate, ProjectedEvent, Projection } from './projection';
export type { ProjectionError } from './errors';
export { readProjectedEvent } from './read-event';
export type { ProjectionTelemetryOptions } from '../telemetry/projection-telemetry';
export type { ApiSource, OpenTelemetryApi } from '../telemetry/api';
