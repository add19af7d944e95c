import type { JsonObject } from '@ssp/eventstore';
import { idOf } from './ids';
import type { UserDevicesView } from './devices-view';
import { deviceIdOf, userNumber, type BenchUser } from './users';

/**
 * W1's twenty device commands per user, in order: enrollments of a phone, a tablet and a
 * landline, renames, Duo Mobile activations, default devices and removals, each accepted by
 * the domain and each appending exactly one event to the user's UserDevices stream. A step
 * also says what it does to the devices-per-user read model, so that any prefix of rounds has
 * a known expected read model, and how many claim events our handler appends for it (a
 * number claimed on enrollment, released on removal; Emmett, given only the target stream,
 * appends none).
 */
export type MixStep = Readonly<{
  command: (user: BenchUser) => JsonObject;
  expect: (devices: UserDevicesView, user: BenchUser) => void;
  claimEvents: 0 | 1;
}>;

type Fields = Readonly<Record<string, string>>;

const deviceCommand = (type: string, step: number, user: BenchUser, data: Fields): JsonObject => ({
  type,
  commandId: idOf(`w1:${user.userId}:${step}`),
  actor: user.actor,
  data: { userId: user.userId, ...data },
});

type Role = 'first' | 'work' | 'tablet' | 'desk' | 'spare' | 'reading';
const device = (user: BenchUser, role: Role): string => (role === 'first' ? user.firstPhoneId : deviceIdOf(user, role));

/** A step before its place in the mix is known: its command ids are named by that place. */
type StepTemplate = Omit<MixStep, 'command'> & Readonly<{ build: (step: number) => MixStep['command'] }>;

const enroll = (role: Role, kind: string, name: string, extra: (user: BenchUser) => Fields, claimEvents: 0 | 1): StepTemplate => ({
  build: (step) => (user) => deviceCommand('EnrollDevice', step, user, { deviceId: device(user, role), kind, name, ...extra(user) }),
  expect: (devices, user) => devices.set(device(user, role), { kind, name, isDefault: false, activated: false }),
  claimEvents,
});

const rename = (role: Role, name: string): StepTemplate => ({
  build: (step) => (user) => deviceCommand('RenameDevice', step, user, { deviceId: device(user, role), name }),
  expect: (devices, user) => {
    const phone = devices.get(device(user, role));
    if (phone !== undefined) phone.name = name;
  },
  claimEvents: 0,
});

const activationOf = (user: BenchUser, role: Role): string => idOf(`activation:${user.userId}:${role}`);

const issueActivation = (role: Role): StepTemplate => ({
  build: (step) => (user) =>
    deviceCommand('IssueDuoMobileActivation', step, user, { deviceId: device(user, role), activationId: activationOf(user, role) }),
  // Issuing an activation shows nowhere in the devices-per-user read model.
  expect: () => undefined,
  claimEvents: 0,
});

const activate = (role: Role): StepTemplate => ({
  build: (step) => (user) =>
    deviceCommand('ActivateDuoMobile', step, user, { deviceId: device(user, role), activationId: activationOf(user, role) }),
  expect: (devices, user) => {
    const phone = devices.get(device(user, role));
    if (phone !== undefined) phone.activated = true;
  },
  claimEvents: 0,
});

const setDefault = (role: Role, loginAction: string): StepTemplate => ({
  build: (step) => (user) => deviceCommand('SetDefaultDevice', step, user, { deviceId: device(user, role), loginAction }),
  expect: (devices, user) => {
    for (const [id, each] of devices) each.isDefault = id === device(user, role);
  },
  claimEvents: 0,
});

const remove = (role: Role, claimEvents: 0 | 1): StepTemplate => ({
  build: (step) => (user) => deviceCommand('RemoveDevice', step, user, { deviceId: device(user, role) }),
  expect: (devices, user) => {
    devices.delete(device(user, role));
  },
  claimEvents,
});

const steps: readonly StepTemplate[] = [
  enroll('work', 'MOBILE', 'Work phone', (user) => ({ phoneNumber: userNumber(user, 1), platform: 'ANDROID' }), 1),
  enroll('tablet', 'TABLET', 'Tablet', () => ({ platform: 'IOS' }), 0),
  enroll('desk', 'LANDLINE', 'Desk', (user) => ({ phoneNumber: userNumber(user, 2), extension: '1234' }), 1),
  rename('work', 'Work phone 2'),
  issueActivation('work'),
  activate('work'),
  setDefault('work', 'PUSH'),
  rename('tablet', 'Kitchen tablet'),
  issueActivation('tablet'),
  activate('tablet'),
  setDefault('desk', 'CALL'),
  remove('tablet', 0),
  rename('desk', 'Office desk'),
  enroll('spare', 'MOBILE', 'Spare phone', (user) => ({ phoneNumber: userNumber(user, 3), platform: 'IOS' }), 1),
  setDefault('first', 'ASK'),
  remove('desk', 1),
  rename('first', 'Personal phone'),
  enroll('reading', 'TABLET', 'Reading tablet', () => ({ platform: 'ANDROID' }), 0),
  remove('work', 1),
  rename('spare', 'Backup phone'),
];

export const mix: readonly MixStep[] = steps.map(({ build, expect, claimEvents }, step) => ({ command: build(step), expect, claimEvents }));

/** The first phone as the setup leaves it, before any step of the mix. */
export const devicesAfterSetup = (user: BenchUser): UserDevicesView =>
  new Map([[user.firstPhoneId, { kind: 'MOBILE', name: 'First phone', isDefault: false, activated: false }]]);

/** What a user's devices are after the first `rounds` steps. */
export const expectedDevices = (user: BenchUser, rounds: number): UserDevicesView => {
  const devices = devicesAfterSetup(user);
  for (const step of mix.slice(0, rounds)) step.expect(devices, user);
  return devices;
};

/** Claim events our handler appends in the first `rounds` steps of one user. */
export const claimEventsIn = (rounds: number): number => mix.slice(0, rounds).reduce((sum, step) => sum + step.claimEvents, 0);
