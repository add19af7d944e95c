import { maskPhoneNumber, type UserDevicesState } from '@ssp/domain';
import { describeWho, formatTimelineEntry, type ApplicationAsOf, type DevicesCompared, type SelfServiceHistory, type TimeWindow } from '@ssp/projections';
import { describeWindow } from './report-options';

/** A user's devices at one time, a line each (numbers masked), and a summary line. */
export const devicesLines = (userId: string, asOf: string, state: UserDevicesState): readonly string[] => {
  if (state.status === 'NONE') return [`user ${userId} was not registered at ${asOf}`];
  return [
    ...state.phones.map((phone) => {
      const isDefault = state.defaultDevice?.deviceId === phone.deviceId ? `, default (${state.defaultDevice.loginAction})` : '';
      const number = phone.phoneNumber === undefined ? '' : ` ${maskPhoneNumber(phone.phoneNumber)}`;
      return `phone ${phone.deviceId} "${phone.name}" ${phone.kind} ${phone.platform}${number}, Duo Mobile ${phone.duoMobileActivated ? 'activated' : 'not activated'}${isDefault}`;
    }),
    ...state.tokens.map((token) => `hardware token ${token.tokenId} ${token.tokenType} serial ${token.serial}`),
    `user ${state.username} (${state.userId}) had ${state.phones.length} phones and ${state.tokens.length} hardware tokens at ${asOf}`,
  ];
};

/** The devices at the first time, what differs at the second, and the events between them with who made each. */
export const differenceLines = (compared: DevicesCompared): readonly string[] => {
  const { added, removed, changed, events } = compared;
  return [
    ...devicesLines(compared.userId, compared.asOf, compared.before),
    '',
    `by ${compared.comparedTo}:`,
    ...added.map((device) => `  added    ${device.kind} "${device.name}" (${device.deviceId})`),
    ...removed.map((device) => `  removed  ${device.kind} "${device.name}" (${device.deviceId})`),
    ...changed.map((device) => `  changed  "${device.name}" (${device.deviceId}): ${device.changes.join(', ')}`),
    ...(added.length + removed.length + changed.length === 0 ? ['  no device added, removed or changed'] : []),
    '',
    `${events.length} events between ${compared.asOf} (excluded) and ${compared.comparedTo} (included):`,
    ...events.map((entry) => `  ${formatTimelineEntry(entry)}`),
  ];
};

/** Each time an application's self-service was turned on or off (in the window): when, what, by whom with their role then. */
export const settingLines = (settings: SelfServiceHistory, window: TimeWindow = {}): readonly string[] => {
  const application = settings.name === undefined ? `application ${settings.applicationId}` : `application "${settings.name}" (${settings.applicationId})`;
  const period = describeWindow(window);
  return [
    ...settings.changes.map((change) => `${change.occurredAt}  ${change.type === 'SelfServiceEnabled' ? 'enabled ' : 'disabled'} by ${describeWho(change.who)}`),
    `${settings.changes.length} ${settings.changes.length === 1 ? 'change' : 'changes'} of self-service on ${application}${period === '' ? '' : ` ${period}`}`,
  ];
};

/** The setting at one moment, whether it was in effect then, and who last turned it on or off before it. */
export const applicationLines = (applicationId: string, asOf: string, answer: ApplicationAsOf): readonly string[] => {
  if (answer.application.status === 'NONE') return [`application ${applicationId} was not registered at ${asOf}`];
  const status = answer.selfService.status === 'SUSPENDED' ? `SUSPENDED (${answer.selfService.reason})` : answer.selfService.status;
  const change = answer.lastSettingChange;
  return [
    `application "${answer.application.name}" (${answer.application.applicationType}) at ${asOf}: self-service ${status}`,
    change === undefined ? 'self-service was never turned on or off before then' : `last ${change.type} at ${change.occurredAt} by ${describeWho(change.who)}`,
  ];
};
