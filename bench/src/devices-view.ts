import { createHash } from 'node:crypto';
import type { MySettingsAndDevices } from '@ssp/projections';

/**
 * The devices-per-user read model every system of W3 builds, and the form in which the
 * benchmark compares them: per user, each phone's kind, name, whether it is the default and
 * whether Duo Mobile is activated. Written here a second time, apart from the projections
 * package, so that a mistake in either shows up as a difference.
 */
export type DeviceView = { kind: string; name: string; isDefault: boolean; activated: boolean };
export type UserDevicesView = Map<string, DeviceView>;
export type DevicesView = Map<string, UserDevicesView>;

/** An event as every store gives it back, reduced to what the read model needs. */
export type PlainEvent = Readonly<{ type: string; data: unknown }>;

const text = (record: Readonly<Record<string, unknown>>, field: string): string => {
  const value = record[field];
  return typeof value === 'string' ? value : '';
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null;

/** Applies one event; events of other aggregates leave the view as it is. */
export const evolveDevicesView = (view: DevicesView, event: PlainEvent): void => {
  const { data } = event;
  if (!isRecord(data)) return;
  const userId = text(data, 'userId');
  if (event.type === 'UserRegistered') {
    view.set(userId, new Map());
    return;
  }
  const devices = view.get(userId);
  const deviceId = text(data, 'deviceId');
  const device = devices?.get(deviceId);
  switch (event.type) {
    case 'DeviceEnrolled':
      devices?.set(deviceId, { kind: text(data, 'kind'), name: text(data, 'name'), isDefault: false, activated: false });
      return;
    case 'DeviceRenamed':
      if (device !== undefined) device.name = text(data, 'name');
      return;
    case 'DuoMobileActivated':
      if (device !== undefined) device.activated = true;
      return;
    case 'DefaultSet':
      for (const [id, each] of devices ?? []) each.isDefault = id === deviceId;
      return;
    case 'DeviceRemoved':
      devices?.delete(deviceId);
      return;
    default:
      return;
  }
};

export const devicesViewOf = (events: Iterable<PlainEvent>): DevicesView => {
  const view: DevicesView = new Map();
  for (const event of events) evolveDevicesView(view, event);
  return view;
};

/** Our projection's document, in the benchmark's form. */
export const userDevicesViewOfDocument = (document: MySettingsAndDevices): UserDevicesView =>
  new Map(
    document.phones.map((phone) => [
      phone.deviceId,
      { kind: phone.kind, name: phone.name, isDefault: phone.isDefault, activated: phone.duoMobile.status === 'ACTIVATED' },
    ]),
  );

/** One line per device, users and devices sorted: equal views print equal lines. */
export const canonicalLines = (view: DevicesView): string[] =>
  [...view.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([userId, devices]) => [
      `user ${userId}`,
      ...[...devices.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([deviceId, d]) => `  ${deviceId} ${d.kind} ${JSON.stringify(d.name)}${d.isDefault ? ' default' : ''}${d.activated ? ' activated' : ''}`),
    ]);

/** SHA-256 of the canonical lines: what the parent compares across systems and runs. */
export const digestOf = (view: DevicesView): string => createHash('sha256').update(canonicalLines(view).join('\n')).digest('hex');

/** The first line where two views differ, for the message of a failed check. */
export const firstDifference = (actual: DevicesView, expected: DevicesView): string | undefined => {
  const a = canonicalLines(actual);
  const e = canonicalLines(expected);
  for (let i = 0; i < Math.max(a.length, e.length); i += 1) {
    if (a[i] !== e[i]) return `line ${i + 1}: got ${a[i] ?? '(nothing)'}, expected ${e[i] ?? '(nothing)'}`;
  }
  return undefined;
};
