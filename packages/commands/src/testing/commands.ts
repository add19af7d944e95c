import type { JsonObject } from '@ssp/eventstore';
import { idOf } from './ids';

/**
 * Commands as callers send them: plain JSON, exactly the contract's envelope. Every builder
 * takes the ids it needs and gives the command a fresh, deterministic `commandId` unless the
 * test names one (to repeat a command).
 */
export type CommandJson = JsonObject;
export type ActorJson = JsonObject;

let commandCount = 0;
const nextCommandId = (): string => {
  commandCount += 1;
  return idOf(`command-${commandCount}`);
};

export const adminActor = (adminId: string): ActorJson => ({ kind: 'admin', adminId });
export const userActor = (userId: string, sessionId?: string): ActorJson =>
  sessionId === undefined ? { kind: 'user', userId } : { kind: 'user', userId, sessionId };
export const authenticatorActor: ActorJson = { kind: 'authenticator' };
export const systemActor: ActorJson = { kind: 'system' };

export const command = (type: string, actor: ActorJson, data: JsonObject, commandId: string = nextCommandId()): CommandJson => ({
  type,
  commandId,
  actor,
  data,
});

/** Sends the same command again: same id, same body. */
export const sameCommand = (sent: CommandJson): CommandJson => ({ ...sent });

export const openAccount = (accountId: string, ownerAdminId: string, edition = 'ENTERPRISE'): CommandJson =>
  command('OpenAccount', systemActor, { accountId, name: 'Acme', edition, ownerAdminId });
export const changeEdition = (by: string, accountId: string, edition: string): CommandJson =>
  command('ChangeEdition', adminActor(by), { accountId, edition });
export const enableNewEnrollment = (by: string, accountId: string): CommandJson =>
  command('EnableNewEnrollment', adminActor(by), { accountId });
export const disableNewEnrollment = (by: string, accountId: string): CommandJson =>
  command('DisableNewEnrollment', adminActor(by), { accountId });
export const addAdministrator = (by: string, accountId: string, adminId: string, role: string): CommandJson =>
  command('AddAdministrator', adminActor(by), { accountId, adminId, role });
export const changeAdministratorRole = (by: string, accountId: string, adminId: string, role: string): CommandJson =>
  command('ChangeAdministratorRole', adminActor(by), { accountId, adminId, role });
export const registerUser = (by: string, accountId: string, userId: string, username = 'alice'): CommandJson =>
  command('RegisterUser', adminActor(by), { accountId, userId, username });
export const registerApplication = (by: string, accountId: string, applicationId: string, applicationType = 'WEB_SDK'): CommandJson =>
  command('RegisterApplication', adminActor(by), { accountId, applicationId, name: 'Intranet', applicationType });
export const enableSelfService = (by: string, applicationId: string): CommandJson =>
  command('EnableSelfService', adminActor(by), { applicationId });
export const disableSelfService = (by: string, applicationId: string): CommandJson =>
  command('DisableSelfService', adminActor(by), { applicationId });
export const assignHardwareToken = (by: string, userId: string, tokenId: string, serial = '123456'): CommandJson =>
  command('AssignHardwareToken', adminActor(by), { userId, tokenId, serial, tokenType: 'h6' });

export const startPortalSession = (userId: string, sessionId: string, applicationId: string): CommandJson =>
  command('StartPortalSession', userActor(userId), { sessionId, userId, applicationId });
export const beginStepUp = (userId: string, sessionId: string, deviceId: string, method = 'SMS'): CommandJson =>
  command('BeginStepUp', userActor(userId, sessionId), { sessionId, deviceId, method });
export const completeStepUp = (sessionId: string): CommandJson => command('CompleteStepUp', authenticatorActor, { sessionId });
export const failStepUp = (sessionId: string): CommandJson => command('FailStepUp', authenticatorActor, { sessionId });
export const endPortalSession = (userId: string, sessionId: string): CommandJson =>
  command('EndPortalSession', userActor(userId, sessionId), { sessionId });

/** Who changes the devices: the user in a session, or an administrator. */
export type DeviceActor = ActorJson;

export const enrollMobile = (
  actor: DeviceActor,
  userId: string,
  deviceId: string,
  phoneNumber: string,
  name?: string,
): CommandJson =>
  command('EnrollDevice', actor, {
    userId,
    deviceId,
    kind: 'MOBILE',
    phoneNumber,
    platform: 'IOS',
    ...(name === undefined ? {} : { name }),
  });
export const enrollTablet = (actor: DeviceActor, userId: string, deviceId: string, name?: string): CommandJson =>
  command('EnrollDevice', actor, { userId, deviceId, kind: 'TABLET', platform: 'ANDROID', ...(name === undefined ? {} : { name }) });
export const renameDevice = (actor: DeviceActor, userId: string, deviceId: string, name: string): CommandJson =>
  command('RenameDevice', actor, { userId, deviceId, name });
export const removeDevice = (actor: DeviceActor, userId: string, deviceId: string): CommandJson =>
  command('RemoveDevice', actor, { userId, deviceId });
