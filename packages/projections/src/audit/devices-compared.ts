import { streams, type UserDevicesState } from '@ssp/domain';
import type { ProjectedEvent } from '../runner/projection';
import { devicesAsOf } from './as-of';
import { timeline, type TimelineEntry } from './timeline';

/** A device or hardware token as the comparison shows it: its id, and its name (a token's type and serial) then. */
export type DeviceAtTime = Readonly<{ deviceId: string; name: string; kind: string }>;

/** How one device present at both times differs, in words (renamed, Duo Mobile activated, made or no longer the default). */
export type DeviceChanged = Readonly<{ deviceId: string; name: string; changes: readonly string[] }>;

export type DevicesCompared = Readonly<{
  userId: string;
  asOf: string;
  comparedTo: string;
  before: UserDevicesState;
  after: UserDevicesState;
  added: readonly DeviceAtTime[];
  removed: readonly DeviceAtTime[];
  changed: readonly DeviceChanged[];
  /** The events of the user's devices stream after `asOf`, up to and including `comparedTo`: who changed what, under which step-up. */
  events: readonly TimelineEntry[];
}>;

const devicesOf = (state: UserDevicesState): readonly DeviceAtTime[] =>
  state.status === 'NONE'
    ? []
    : [
        ...state.phones.map((phone) => ({ deviceId: phone.deviceId, name: phone.name, kind: phone.kind })),
        ...state.tokens.map((token) => ({ deviceId: token.tokenId, name: `${token.tokenType} ${token.serial}`, kind: 'HARDWARE_TOKEN' })),
      ];

const defaultOf = (state: UserDevicesState): string | undefined => (state.status === 'NONE' ? undefined : state.defaultDevice?.deviceId);
const activated = (state: UserDevicesState, deviceId: string): boolean =>
  state.status !== 'NONE' && state.phones.some((phone) => phone.deviceId === deviceId && phone.duoMobileActivated);

const changesOf = (before: UserDevicesState, after: UserDevicesState, was: DeviceAtTime, now: DeviceAtTime): readonly string[] => [
  ...(was.name === now.name ? [] : [`renamed from "${was.name}" to "${now.name}"`]),
  ...(!activated(before, was.deviceId) && activated(after, was.deviceId) ? ['Duo Mobile activated'] : []),
  ...(defaultOf(before) !== was.deviceId && defaultOf(after) === was.deviceId ? ['made the default'] : []),
  ...(defaultOf(before) === was.deviceId && defaultOf(after) !== was.deviceId ? ['no longer the default'] : []),
];

/**
 * The user's devices at `asOf` and at `comparedTo` (each folded by the domain's own functions),
 * what was added, removed or changed between them, and the events that did it. `asOf` must be
 * before `comparedTo`; times compare as instants.
 */
export const compareDevices = (events: readonly ProjectedEvent[], userId: string, asOf: string, comparedTo: string): DevicesCompared => {
  const before = devicesAsOf(events, userId, asOf);
  const after = devicesAsOf(events, userId, comparedTo);
  const then = new Map(devicesOf(before).map((device) => [device.deviceId, device]));
  const now = new Map(devicesOf(after).map((device) => [device.deviceId, device]));
  const changed = [...then.values()].flatMap((was) => {
    const is = now.get(was.deviceId);
    const changes = is === undefined ? [] : changesOf(before, after, was, is);
    return is === undefined || changes.length === 0 ? [] : [{ deviceId: was.deviceId, name: is.name, changes }];
  });
  const start = Date.parse(asOf);
  const end = Date.parse(comparedTo);
  const own = streams.userDevices(userId);
  const between = timeline(events, { kind: 'user', userId }).filter((entry) => {
    const at = Date.parse(entry.occurredAt);
    return entry.streamName === own && at > start && at <= end;
  });
  return {
    userId,
    asOf,
    comparedTo,
    before,
    after,
    added: [...now.values()].filter((device) => !then.has(device.deviceId)),
    removed: [...then.values()].filter((device) => !now.has(device.deviceId)),
    changed,
    events: between,
  };
};
