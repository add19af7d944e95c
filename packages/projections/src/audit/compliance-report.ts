import { defaultPolicy, type Policy } from '@ssp/domain';
import { assessDeviceChange, type ComplianceEntry } from '../describe/step-up-assessment';
import { describeStepUp, describeWho } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';
import { nameBeside, namesAlongHistory, type NamesAtEvent } from './names';
import { isWithin, type TimeWindow } from './window';

/** A judged device change, with the names (user, device, step-up device) as they were at that moment. */
export type ReportedChange = ComplianceEntry & Readonly<{ names: NamesAtEvent }>;

export type ComplianceReport = Readonly<{
  freshForSeconds: number;
  /** The window the report covers (empty: all of history). */
  window: TimeWindow;
  deviceChanges: number;
  compliant: number;
  flagged: readonly ReportedChange[];
  entries: readonly ReportedChange[];
}>;

/**
 * Every device change inside `window` judged against the step-up rule, with the flagged ones
 * apart. Names are learnt from the whole history, so a device enrolled before the window is
 * still named inside it.
 */
export const complianceReport = (
  events: readonly ProjectedEvent[],
  policy: Pick<Policy, 'stepUpFreshSeconds'> = defaultPolicy,
  window: TimeWindow = {},
): ComplianceReport => {
  const inWindow = isWithin(window);
  const names = namesAlongHistory(events);
  const entries = events.flatMap(({ event, metadata, recorded }, index): ReportedChange[] => {
    if (!inWindow(metadata.occurredAt)) return [];
    const entry = assessDeviceChange(event, metadata, recorded, policy.stepUpFreshSeconds);
    return entry === undefined ? [] : [{ ...entry, names: names[index] ?? {} }];
  });
  const flagged = entries.filter((entry) => entry.flagged);
  return { freshForSeconds: policy.stepUpFreshSeconds, window, deviceChanges: entries.length, compliant: entries.length - flagged.length, flagged, entries };
};

export const formatComplianceEntry = (entry: ReportedChange): string => {
  const named = nameBeside(entry.names);
  const byTheUser = entry.who.kind === 'user' && entry.who.userId === entry.userId;
  const forWhom = byTheUser ? '' : ` for user ${named(entry.userId)}`;
  const stepUp = entry.stepUp === undefined ? 'no step-up' : `${describeStepUp(entry.stepUp, named)}, ${entry.stepUpAgeSeconds ?? '?'}s before`;
  return `${entry.flagged ? 'FLAGGED' : 'ok     '} ${entry.verdict.padEnd(20)} ${entry.occurredAt} ${entry.type} of ${named(entry.deviceId)}${forWhom} by ${describeWho(entry.who, named)}: ${stepUp}`;
};
