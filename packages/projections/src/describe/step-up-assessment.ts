import * as t from 'io-ts';
import { secondsBetween, type DomainEvent, type EventMetadata } from '@ssp/domain';
import { StepUpRecord, Who, whoOf } from './who';

/** Device changes the step-up rule governs when a user makes them in the portal. */
export const deviceChangeTypes = [
  'DeviceEnrolled',
  'DeviceRenamed',
  'DuoMobileActivationIssued',
  'DuoMobileActivated',
  'DefaultSet',
  'DeviceRemoved',
  'HardwareTokenRemoved',
] as const;
/** The events that change a user's devices, which a completed, fresh step-up must authorise. */
export type DeviceChange = Extract<DomainEvent, { type: (typeof deviceChangeTypes)[number] }>;
const deviceChangeTypeSet: ReadonlySet<string> = new Set(deviceChangeTypes);
export const isDeviceChange = (event: DomainEvent): event is DeviceChange => deviceChangeTypeSet.has(event.type);

/**
 * `COMPLIANT`: a completed step-up no older than the policy. `FIRST_DEVICE`: the one enrollment
 * allowed with primary authentication alone. `BY_ADMINISTRATOR`: not a portal action, so the
 * rule does not apply (shown, not flagged). Everything else is flagged.
 */
export const Verdict = t.keyof({
  COMPLIANT: null,
  FIRST_DEVICE: null,
  BY_ADMINISTRATOR: null,
  MISSING_STEP_UP: null,
  STALE_STEP_UP: null,
  STEP_UP_AFTER_CHANGE: null,
  NOT_A_USER: null,
});
export type Verdict = t.TypeOf<typeof Verdict>;

export const ComplianceEntry = t.intersection([
  t.type({
    eventId: t.string,
    type: t.string,
    streamName: t.string,
    revision: t.string,
    occurredAt: t.string,
    userId: t.string,
    deviceId: t.string,
    who: Who,
    verdict: Verdict,
    flagged: t.boolean,
    freshForSeconds: t.number,
  }),
  t.partial({ stepUp: StepUpRecord, stepUpAgeSeconds: t.number }),
]);
export type ComplianceEntry = t.TypeOf<typeof ComplianceEntry>;

const flaggedVerdicts: ReadonlySet<Verdict> = new Set(['MISSING_STEP_UP', 'STALE_STEP_UP', 'STEP_UP_AFTER_CHANGE', 'NOT_A_USER']);

const deviceIdOf = (event: DeviceChange): string => ('deviceId' in event.data ? event.data.deviceId : event.data.tokenId);

/** The place of an event in history: its stream, and its revision in that stream. */
export type EventLocation = Readonly<{ streamName: string; revision: bigint }>;

/**
 * Judges one device change from its own metadata, as recorded when it was made: the step-up's
 * age at that moment is occurredAt − stepUp.completedAt. Shared by the read model and the
 * auditor's report, so both give the same verdicts.
 */
export const assessDeviceChange = (
  event: DomainEvent,
  metadata: EventMetadata,
  where: EventLocation,
  freshForSeconds: number,
): ComplianceEntry | undefined => {
  if (!isDeviceChange(event)) return undefined;
  const { actor } = metadata;
  const base = {
    eventId: metadata.eventId,
    type: event.type,
    streamName: where.streamName,
    revision: where.revision.toString(),
    occurredAt: metadata.occurredAt,
    userId: event.data.userId,
    deviceId: deviceIdOf(event),
    who: whoOf(actor),
    freshForSeconds,
  };
  const judged = (verdict: Verdict, stepUp?: StepUpRecord, stepUpAgeSeconds?: number): ComplianceEntry => ({
    ...base,
    verdict,
    flagged: flaggedVerdicts.has(verdict),
    ...(stepUp === undefined ? {} : { stepUp }),
    ...(stepUpAgeSeconds === undefined ? {} : { stepUpAgeSeconds }),
  });
  if (actor.kind === 'admin') return judged('BY_ADMINISTRATOR');
  if (actor.kind !== 'user') return judged('NOT_A_USER');
  const { stepUp } = actor;
  if (stepUp === undefined) {
    return actor.firstDevice === true && event.type === 'DeviceEnrolled' ? judged('FIRST_DEVICE') : judged('MISSING_STEP_UP');
  }
  const age = secondsBetween(stepUp.completedAt, metadata.occurredAt);
  const record = { deviceId: stepUp.deviceId, method: stepUp.method, completedAt: stepUp.completedAt };
  if (age < 0) return judged('STEP_UP_AFTER_CHANGE', record, age);
  return judged(age > freshForSeconds ? 'STALE_STEP_UP' : 'COMPLIANT', record, age);
};
