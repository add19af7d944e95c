import { defaultPolicy, type Policy } from '@ssp/domain';
import { assessDeviceChange, type ComplianceEntry } from '../describe/step-up-assessment';
import { describeStepUp, describeWho } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';

export type ComplianceReport = Readonly<{
  freshForSeconds: number;
  deviceChanges: number;
  compliant: number;
  flagged: readonly ComplianceEntry[];
  entries: readonly ComplianceEntry[];
}>;

/** Every device change in history judged against the step-up rule, with the flagged ones apart. */
export const complianceReport = (events: readonly ProjectedEvent[], policy: Pick<Policy, 'stepUpFreshSeconds'> = defaultPolicy): ComplianceReport => {
  const entries = events.flatMap(({ event, metadata, recorded }) => {
    const entry = assessDeviceChange(event, metadata, recorded, policy.stepUpFreshSeconds);
    return entry === undefined ? [] : [entry];
  });
  const flagged = entries.filter((entry) => entry.flagged);
  return { freshForSeconds: policy.stepUpFreshSeconds, deviceChanges: entries.length, compliant: entries.length - flagged.length, flagged, entries };
};

export const formatComplianceEntry = (entry: ComplianceEntry): string => {
  const stepUp =
    entry.stepUp === undefined ? 'no step-up' : `${describeStepUp(entry.stepUp)}, ${entry.stepUpAgeSeconds ?? '?'}s before`;
  return `${entry.flagged ? 'FLAGGED' : 'ok     '} ${entry.verdict.padEnd(20)} ${entry.occurredAt} ${entry.type} of ${entry.deviceId} by ${describeWho(entry.who)}: ${stepUp}`;
};
