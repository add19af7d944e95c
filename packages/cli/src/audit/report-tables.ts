import { maskPhoneNumber, type UserDevicesState } from '@ssp/domain';
import type { ApplicationAsOf, DevicesCompared, NamesAtEvent, ReportedChange, SelfServiceHistory, StepUpRecord, TimelineEntry, Who } from '@ssp/projections';
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

// The as-of answers. A user or application that did not exist at the moment asked about has
// no row: the header stands alone, and the command says why on stderr.

export const devicesTable = (userId: string, asOf: string, state: UserDevicesState): CsvTable => ({
  header: ['asOf', 'userId', 'username', 'row', 'deviceId', 'name', 'kind', 'platform', 'maskedNumber', 'duoMobileActivated', 'default', 'loginAction'],
  rows:
    state.status === 'NONE'
      ? []
      : [
          ...state.phones.map((phone) => {
            const isDefault = state.defaultDevice?.deviceId === phone.deviceId;
            return [
              asOf, userId, state.username, 'phone', phone.deviceId, phone.name, phone.kind, phone.platform,
              phone.phoneNumber === undefined ? '' : maskPhoneNumber(phone.phoneNumber), String(phone.duoMobileActivated),
              String(isDefault), isDefault ? (state.defaultDevice?.loginAction ?? '') : '',
            ];
          }),
          // A token is named by type and serial, as the comparison and the timeline name it.
          ...state.tokens.map((token) => [asOf, userId, state.username, 'hardware token', token.tokenId, `${token.tokenType} ${token.serial}`, token.tokenType, '', '', '', 'false', '']),
        ],
});

const usernameOf = (...states: readonly UserDevicesState[]): string => states.find((state) => state.status === 'REGISTERED')?.username ?? '';
const deviceKindIn = (state: UserDevicesState, deviceId: string): string =>
  state.status === 'NONE' ? '' : (state.phones.find((phone) => phone.deviceId === deviceId)?.kind ?? (state.tokens.some((token) => token.tokenId === deviceId) ? 'HARDWARE_TOKEN' : ''));

/**
 * One sheet a spreadsheet can filter on its `row` column: a row per device added, removed or
 * changed between the two times, then a row per event between them (the devices at `asOf`
 * alone are the table without `--compare`).
 */
export const devicesComparedTable = (compared: DevicesCompared): CsvTable => {
  const { asOf, comparedTo, userId } = compared;
  const username = usernameOf(compared.after, compared.before);
  const eventHeader = ['occurredAt', 'streamName', 'revision', 'type', ...actorHeader, ...stepUpHeader, 'description'];
  const noEvent = eventHeader.map(() => '');
  return {
    header: ['row', 'asOf', 'comparedTo', 'userId', 'username', 'deviceId', 'device', 'deviceKind', 'changes', ...eventHeader],
    rows: [
      ...compared.added.map((device) => ['added', asOf, comparedTo, userId, username, device.deviceId, device.name, device.kind, '', ...noEvent]),
      ...compared.removed.map((device) => ['removed', asOf, comparedTo, userId, username, device.deviceId, device.name, device.kind, '', ...noEvent]),
      ...compared.changed.map((device) => [
        'changed', asOf, comparedTo, userId, username, device.deviceId, device.name, deviceKindIn(compared.after, device.deviceId), device.changes.join('; '), ...noEvent,
      ]),
      ...compared.events.map((entry) => [
        'event', asOf, comparedTo, userId, username, entry.deviceId ?? '', nameOf(entry.names, entry.deviceId), '', '',
        entry.occurredAt, entry.streamName, entry.revision, entry.type, ...actorColumns(entry.who, entry.names), ...stepUpColumns(entry.stepUp, entry.names), entry.whatWithNames,
      ]),
    ],
  };
};

export const applicationAsOfTable = (applicationId: string, asOf: string, answer: ApplicationAsOf): CsvTable => {
  const { application, account, selfService, lastSettingChange: change } = answer;
  return {
    header: [
      'asOf', 'applicationId', 'application', 'applicationType', 'accountId', 'account', 'setting', 'selfService', 'suspendedBecause',
      'lastChange', 'lastChangeAt', ...actorHeader,
    ],
    rows:
      application.status === 'NONE'
        ? []
        : [
            [
              asOf, applicationId, application.name, application.applicationType, application.accountId, account.status === 'OPEN' ? account.name : '',
              application.selfServiceEnabled ? 'on' : 'off', selfService.status, selfService.status === 'SUSPENDED' ? selfService.reason : '',
              change?.type ?? '', change?.occurredAt ?? '', ...(change === undefined ? actorHeader.map(() => '') : actorColumns(change.who, {})),
            ],
          ],
  };
};

export const selfServiceHistoryTable = (settings: SelfServiceHistory): CsvTable => ({
  header: ['occurredAt', 'applicationId', 'application', 'type', 'streamName', 'revision', ...actorHeader],
  rows: settings.changes.map((change) => [
    change.occurredAt, settings.applicationId, settings.name ?? '', change.type, change.streamName, change.revision, ...actorColumns(change.who, {}),
  ]),
});
