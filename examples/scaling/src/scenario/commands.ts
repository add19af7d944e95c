import { createHash } from 'node:crypto';
import type { JsonObject } from '@ssp/eventstore';

/**
 * The commands of a run, as callers send them (the contract's JSON envelope). Every id is
 * derived from the run's name, so that runs sharing a real server never meet, and every command
 * gets a fresh command id unless it is being sent again.
 */
export type Ids = Readonly<{ of: (label: string) => string; nextCommandId: () => string }>;

/** 32 hex digits laid out as a version-4 UUID, which the contract's `Uuid` codec accepts. */
const asUuid = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

export const idsOf = (run: string): Ids => {
  const of = (label: string): string => asUuid(createHash('sha256').update(`${run}:${label}`, 'utf8').digest('hex'));
  let commands = 0;
  return {
    of,
    nextCommandId: () => {
      commands += 1;
      return of(`command-${commands}`);
    },
  };
};

/** Valid North American numbers in the 555-01xx range, in E.164 form. */
export const phoneNumber = (n: number): string => `+1202555${(100 + n).toString().padStart(4, '0')}`;

export type Organisation = Readonly<{ accountId: string; ownerId: string; applicationId: string }>;
export type PortalUser = Readonly<{ index: number; userId: string; sessionId: string; deviceId: (slot: number) => string }>;

export const organisationOf = (ids: Ids): Organisation => ({ accountId: ids.of('account'), ownerId: ids.of('owner'), applicationId: ids.of('application') });

export const userOf = (ids: Ids, index: number): PortalUser => ({
  index,
  userId: ids.of(`user-${index}`),
  sessionId: ids.of(`session-${index}`),
  deviceId: (slot) => ids.of(`user-${index}:device-${slot}`),
});

const admin = (adminId: string): JsonObject => ({ kind: 'admin', adminId });
const inSession = (user: PortalUser): JsonObject => ({ kind: 'user', userId: user.userId, sessionId: user.sessionId });

export type Commands = ReturnType<typeof commandsOf>;

export const commandsOf = (ids: Ids) => {
  const command = (type: string, actor: JsonObject, data: JsonObject): JsonObject => ({ type, commandId: ids.nextCommandId(), actor, data });
  return {
    /** An account with new enrollment on and one web application with self-service on. */
    organisation: (org: Organisation): readonly JsonObject[] => [
      command('OpenAccount', { kind: 'system' }, { accountId: org.accountId, name: 'Scaling Ltd', edition: 'ENTERPRISE', ownerAdminId: org.ownerId }),
      command('EnableNewEnrollment', admin(org.ownerId), { accountId: org.accountId }),
      command('RegisterApplication', admin(org.ownerId), { accountId: org.accountId, applicationId: org.applicationId, name: 'Intranet', applicationType: 'WEB_SDK' }),
      command('EnableSelfService', admin(org.ownerId), { applicationId: org.applicationId }),
    ],
    /** A user in a portal session with a first phone (slot 0) and a completed step-up on it, in order. */
    portalUser: (org: Organisation, user: PortalUser): readonly JsonObject[] => [
      command('RegisterUser', admin(org.ownerId), { accountId: org.accountId, userId: user.userId, username: `user-${user.index}` }),
      command('StartPortalSession', { kind: 'user', userId: user.userId }, { sessionId: user.sessionId, userId: user.userId, applicationId: org.applicationId }),
      command('EnrollDevice', inSession(user), { userId: user.userId, deviceId: user.deviceId(0), kind: 'MOBILE', phoneNumber: phoneNumber(user.index * 10), platform: 'IOS', name: 'First phone' }),
      command('BeginStepUp', inSession(user), { sessionId: user.sessionId, deviceId: user.deviceId(0), method: 'SMS' }),
      command('CompleteStepUp', { kind: 'authenticator' }, { sessionId: user.sessionId }),
    ],
    enrollMobile: (user: PortalUser, slot: number, number: string): JsonObject =>
      command('EnrollDevice', inSession(user), { userId: user.userId, deviceId: user.deviceId(slot), kind: 'MOBILE', phoneNumber: number, platform: 'ANDROID', name: `Phone ${slot}` }),
    enrollTablet: (user: PortalUser, slot: number): JsonObject =>
      command('EnrollDevice', inSession(user), { userId: user.userId, deviceId: user.deviceId(slot), kind: 'TABLET', platform: 'ANDROID', name: `Tablet ${slot}` }),
    rename: (user: PortalUser, slot: number, name: string): JsonObject =>
      command('RenameDevice', inSession(user), { userId: user.userId, deviceId: user.deviceId(slot), name }),
    setDefault: (user: PortalUser, slot: number, loginAction: 'ASK' | 'PUSH' | 'CALL'): JsonObject =>
      command('SetDefaultDevice', inSession(user), { userId: user.userId, deviceId: user.deviceId(slot), loginAction }),
    remove: (user: PortalUser, slot: number): JsonObject => command('RemoveDevice', inSession(user), { userId: user.userId, deviceId: user.deviceId(slot) }),
  };
};
