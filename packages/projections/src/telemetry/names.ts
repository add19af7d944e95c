/**
 * Every name the projection runner emits, in one place: the runner, its tests and
 * docs/observability.md (checked by `names.spec.ts`) use these. Projection names are constants
 * of the code, so every attribute that goes on a metric is bounded; checkpoints go on spans only.
 */
export const batchSpanName = (projection: string): string => `ssp.projection.batch ${projection}`;

export const projectionAttributes = {
  name: 'ssp.projection.name',
  phase: 'ssp.projection.phase',
  eventCount: 'ssp.projection.event_count',
  checkpoint: 'ssp.projection.checkpoint',
  errorKind: 'ssp.projection.error_kind',
} as const;

export const projectionMetrics = {
  eventsApplied: 'ssp.projection.events_applied',
  lag: 'ssp.projection.lag',
  errors: 'ssp.projection.errors',
} as const;

/** Whether a batch was read while catching up with history, or delivered live by the subscription. */
export const projectionPhases = ['catch_up', 'live'] as const;
export type ProjectionPhase = (typeof projectionPhases)[number];
