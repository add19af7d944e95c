import { complianceReport, describeStepUp, describeWho, timeline, verifyHistory, type ComplianceReport, type TimelineSubject, type VerifyReport } from '@ssp/projections';
import type { ProjectedEvent } from '@ssp/projections';
import type { Policy } from '@ssp/domain';
import type { DecodedHistory } from '../services';
import { namesIn, withNames } from './names';

export type AuditRow = Readonly<{ occurredAt: string; type: string; who: string; what: string; authority: string }>;

export type ComplianceRow = Readonly<{ occurredAt: string; type: string; device: string; who: string; verdict: string; flagged: boolean; stepUp: string }>;

/** What an audit page shows for a user or an application: its timeline, its step-up compliance, and the tamper check. */
export type SubjectAudit = Readonly<{
  timeline: readonly AuditRow[];
  compliance: ComplianceReport;
  complianceRows: readonly ComplianceRow[];
  /** The hash chains of the subject's streams; `intact` covers the whole store. */
  verify: VerifyReport;
  findings: VerifyReport['findings'];
  unreadable: number;
}>;

const sessionsOf = (events: readonly ProjectedEvent[], applicationId: string): ReadonlySet<string> =>
  new Set(events.flatMap(({ event }) => (event.type === 'PortalSessionStarted' && event.data.applicationId === applicationId ? [event.data.sessionId] : [])));

/** The device changes that concern the subject: the user's own, or those made in sessions through the application. */
const changesOf = (events: readonly ProjectedEvent[], subject: TimelineSubject): readonly ProjectedEvent[] => {
  switch (subject.kind) {
    case 'user':
      return events.filter(({ recorded }) => recorded.streamName === `UserDevices-${subject.userId}`);
    case 'application': {
      const sessions = sessionsOf(events, subject.applicationId);
      return events.filter(({ metadata }) => metadata.actor.kind === 'user' && metadata.actor.sessionId !== undefined && sessions.has(metadata.actor.sessionId));
    }
    case 'account':
      return events;
  }
};

/** The auditor's pure functions of `@ssp/projections` over the history, as `ssp audit` runs them. */
export const auditSubject = (history: DecodedHistory, subject: TimelineSubject, policy: Policy): SubjectAudit => {
  const names = namesIn(history.events);
  const entries = timeline(history.events, subject);
  const streams = new Set(entries.map((entry) => entry.streamName));
  const verify = verifyHistory(history.recorded);
  const compliance = complianceReport(changesOf(history.events, subject), policy);
  return {
    timeline: entries.map((entry) => ({
      occurredAt: entry.occurredAt,
      type: entry.type,
      who: withNames(names, describeWho(entry.who)),
      what: withNames(names, entry.what),
      authority:
        entry.stepUp !== undefined
          ? withNames(names, describeStepUp(entry.stepUp))
          : entry.firstDevice === true
            ? 'first device: primary authentication only'
            : '',
    })),
    compliance,
    complianceRows: compliance.entries.map((entry) => ({
      occurredAt: entry.occurredAt,
      type: entry.type,
      device: withNames(names, entry.deviceId),
      who: withNames(names, describeWho(entry.who)),
      verdict: entry.verdict,
      flagged: entry.flagged,
      stepUp: entry.stepUp === undefined ? 'none' : `${withNames(names, describeStepUp(entry.stepUp))}, ${entry.stepUpAgeSeconds ?? '?'} s before`,
    })),
    verify,
    findings: verify.findings.filter((finding) => streams.has(finding.streamName)),
    unreadable: history.unreadable.length,
  };
};
