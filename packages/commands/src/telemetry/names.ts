/**
 * Every name the command handler emits, in one place: the handler, its tests and
 * docs/observability.md (checked by `names.spec.ts`) use these. Attribute values that go on
 * metrics are bounded: a command type of the contract (or `unknown`), an outcome, an error code,
 * a stream category. Ids and stream names go on spans only.
 */
export const commandSpanName = (type: string): string => `ssp.command ${type}`;

export const commandAttributes = {
  type: 'ssp.command.type',
  id: 'ssp.command.id',
  stream: 'ssp.command.stream',
  outcome: 'ssp.command.outcome',
  errorCode: 'ssp.command.error_code',
  attemptCount: 'ssp.command.attempt_count',
  conflictCount: 'ssp.command.conflict_count',
  eventCount: 'ssp.command.event_count',
  streamName: 'ssp.stream.name',
  streamCategory: 'ssp.stream.category',
} as const;

/** The span event of each conflict the command met. */
export const conflictEventName = 'ssp.command.conflict';

export const commandMetrics = {
  handled: 'ssp.command.handled',
  duration: 'ssp.command.duration',
  conflicts: 'ssp.command.conflicts',
} as const;

/** How a command ended: `error` when the handler rejected (the store threw instead of answering). */
export const commandOutcomes = ['accepted', 'refused', 'error'] as const;
export type CommandOutcome = (typeof commandOutcomes)[number];

/** The type of a command that did not decode and names no type of the contract. */
export const unknownCommandType = 'unknown';
