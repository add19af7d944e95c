import { maskPhoneNumber, type UserDevicesState } from '@ssp/domain';
import { describeWho, formatTimelineEntry, type DevicesCompared, type SelfServiceHistory } from '@ssp/projections';

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

/** Each time an application's self-service was turned on or off: when, what, by whom with their role then. */
export const settingLines = (settings: SelfServiceHistory): readonly string[] => {
  const application = settings.name === undefined ? `application ${settings.applicationId}` : `application "${settings.name}" (${settings.applicationId})`;
  return [
    ...settings.changes.map((change) => `${change.occurredAt}  ${change.type === 'SelfServiceEnabled' ? 'enabled ' : 'disabled'} by ${describeWho(change.who)}`),
    `${settings.changes.length} ${settings.changes.length === 1 ? 'change' : 'changes'} of self-service on ${application}`,
  ];
};
