export { readHistory, type ReadProgress } from './history';
export { decodeHistory, type UnreadableEvent } from './decoded-history';
export { formatTimelineEntry, timeline, type TimelineEntry, type TimelineSubject } from './timeline';
export { applicationAsOf, devicesAsOf, type ApplicationAsOf } from './as-of';
export { complianceReport, formatComplianceEntry, type ComplianceReport } from './compliance-report';
export { verifyHistory, type StreamSeal, type TamperFinding, type TamperKind, type VerifyReport } from './verify';
export * from './seals';
