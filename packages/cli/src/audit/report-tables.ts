import type { NamesAtEvent, ReportedChange, StepUpRecord, TimelineEntry, Who } from '@ssp/projections';
import type { CsvTable } from './csv';

// The reports as tables, one row per line of the text report, for a spreadsheet or a script:
// every id in its own column with the name history gave it at that moment beside it.

const nameOf = (names: NamesAtEvent, id: string | undefined): string => (id !== undefined && Object.hasOwn(names, id) ? (names[id] ?? '') : '');

const actorHeader = ['actor', 'actorId', 'actorName', 'actorRole', 'sessionId'];
/** Administrators have no name in history (their id and role at the time are what it records). */
const actorColumns = (who: Who, names: NamesAtEvent): readonly string[] => {
  switch (who.kind) {
    case 'admin':
      return ['administrator', who.adminId, '', who.role, ''];
    case 'user':
      return ['user', who.userId, nameOf(names, who.userId), '', who.sessionId ?? ''];
    case 'authenticator':
    case 'system':
      return [who.kind, '', '', '', ''];
  }
};

const stepUpHeader = ['stepUpMethod', 'stepUpDeviceId', 'stepUpDevice', 'stepUpCompletedAt'];
const stepUpColumns = (stepUp: StepUpRecord | undefined, names: NamesAtEvent): readonly string[] =>
  stepUp === undefined ? ['', '', '', ''] : [stepUp.method, stepUp.deviceId, nameOf(names, stepUp.deviceId), stepUp.completedAt];

export const timelineTable = (entries: readonly TimelineEntry[]): CsvTable => ({
  header: [
    'occurredAt', 'streamName', 'revision', 'type', ...actorHeader,
    'userId', 'username', 'applicationId', 'application', 'deviceId', 'device', ...stepUpHeader, 'firstDevice', 'description',
  ],
  rows: entries.map((entry) => [
    entry.occurredAt, entry.streamName, entry.revision, entry.type, ...actorColumns(entry.who, entry.names),
    entry.userId ?? '', nameOf(entry.names, entry.userId),
    entry.applicationId ?? '', nameOf(entry.names, entry.applicationId),
    entry.deviceId ?? '', nameOf(entry.names, entry.deviceId),
    ...stepUpColumns(entry.stepUp, entry.names), entry.firstDevice === true ? 'true' : 'false', entry.whatWithNames,
  ]),
});

export const complianceTable = (entries: readonly ReportedChange[]): CsvTable => ({
  header: [
    'verdict', 'flagged', 'occurredAt', 'type', 'streamName', 'revision', 'eventId',
    'userId', 'username', 'deviceId', 'device', ...actorHeader, ...stepUpHeader, 'stepUpAgeSeconds', 'freshForSeconds',
  ],
  rows: entries.map((entry) => [
    entry.verdict, String(entry.flagged), entry.occurredAt, entry.type, entry.streamName, entry.revision, entry.eventId,
    entry.userId, nameOf(entry.names, entry.userId), entry.deviceId, nameOf(entry.names, entry.deviceId),
    ...actorColumns(entry.who, entry.names), ...stepUpColumns(entry.stepUp, entry.names),
    entry.stepUpAgeSeconds === undefined ? '' : String(entry.stepUpAgeSeconds), String(entry.freshForSeconds),
  ]),
});
