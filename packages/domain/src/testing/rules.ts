/**
 * The spec's rules, written out independently of the code under test, for the property in
 * `invariants.spec.ts`: every violation a transition or a state shows. Internal: not exported
 * from `@ssp/domain/testing`.
 */
import * as E from 'fp-ts/Either';
import { secondsBetween, type Command, type RegisteredUser, type Role, type StepUpMethod } from '../index';
import type { Handled, World } from './world';

/** Who may send each administrator command (domain.md, "Accounts" and "Devices"). */
const rolesAllowed: Readonly<Partial<Record<Command['type'], readonly Role[]>>> = {
  ChangeEdition: ['OWNER'],
  ChangeAdministratorRole: ['OWNER'],
  EnableNewEnrollment: ['OWNER', 'ADMINISTRATOR'],
  DisableNewEnrollment: ['OWNER', 'ADMINISTRATOR'],
  AddAdministrator: ['OWNER', 'ADMINISTRATOR'],
  RemoveAdministrator: ['OWNER', 'ADMINISTRATOR'],
  RegisterUser: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER'],
  RegisterApplication: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
  EnableSelfService: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
  DisableSelfService: ['OWNER', 'ADMINISTRATOR', 'APPLICATION_MANAGER'],
  AssignHardwareToken: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
  EnrollDevice: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
  RemoveDevice: ['OWNER', 'ADMINISTRATOR', 'USER_MANAGER', 'HELP_DESK'],
};

/** Capabilities follow from kind and state (domain.md, "Devices"). */
export const canDo = (user: RegisteredUser, deviceId: string, method: StepUpMethod): boolean => {
  if (user.tokens.some((token) => token.tokenId === deviceId)) return method === 'PASSCODE';
  const phone = user.phones.find((p) => p.deviceId === deviceId);
  if (phone === undefined) return false;
  const duoMobile = phone.kind !== 'LANDLINE' && phone.duoMobileActivated;
  return { PUSH: duoMobile, PASSCODE: duoMobile, CALL: phone.phoneNumber !== undefined, SMS: phone.kind === 'MOBILE' }[method];
};

export const registered = (world: World, userId: string): RegisteredUser | undefined => {
  const user = world.users[userId];
  return user?.status === 'REGISTERED' ? user : undefined;
};

/** The account a command acts in, as the world stood before it. */
const targetAccount = (world: World, c: Command): string | undefined => {
  if ('accountId' in c.data) return c.data.accountId;
  if ('applicationId' in c.data) {
    const application = world.applications[c.data.applicationId];
    return application?.status === 'REGISTERED' ? application.accountId : undefined;
  }
  if ('userId' in c.data) return registered(world, c.data.userId)?.accountId;
  return undefined;
};

const selfServiceInEffect = (world: World, applicationId: string, accountId: string): boolean => {
  const application = world.applications[applicationId];
  const account = world.accounts[accountId];
  return (
    application?.status === 'REGISTERED' &&
    application.selfServiceEnabled &&
    application.accountId === accountId &&
    account?.status === 'OPEN' &&
    account.edition !== 'PERSONAL' &&
    account.newEnrollmentEnabled
  );
};

/** Why an accepted user change was not authorised, or nothing when it was. */
const unauthorisedUserChange = (world: World, c: Command & { actor: { kind: 'user' } }): string | undefined => {
  if (!('userId' in c.data) || c.data.userId !== c.actor.userId) return 'a user acted on devices not their own';
  const user = registered(world, c.actor.userId);
  const session = c.actor.sessionId === undefined ? undefined : world.sessions[c.actor.sessionId];
  if (user === undefined) return 'an unknown user changed devices';
  if (session === undefined || session.status !== 'OPEN') return 'a change outside an open session';
  if (session.userId !== user.userId || session.accountId !== user.accountId) return "a change in another user's session";
  if (secondsBetween(session.expiresAt, world.now) > 0) return 'a change in an expired session';
  if (!selfServiceInEffect(world, session.applicationId, user.accountId)) return 'a change while self-service was not in effect';
  const firstDevice = c.type === 'EnrollDevice' && user.phones.length + user.tokens.length === 0;
  if (firstDevice) return undefined;
  const stepUp = session.completedStepUp;
  if (stepUp === undefined) return 'a change without a completed step-up';
  if (secondsBetween(stepUp.completedAt, world.now) > world.policy.stepUpFreshSeconds) return 'a change with a stale step-up';
  if (!canDo(user, stepUp.deviceId, stepUp.method)) return "a step-up on a device the user does not own, or that cannot do the method";
  return undefined;
};

/** Every violation a transition shows; empty when the rules held. */
export const violations = ({ command: c, before, decision, after }: Handled): readonly string[] => {
  const found: string[] = [];
  if (E.isRight(decision)) {
    if (c.actor.kind === 'admin') {
      const accountId = targetAccount(before, c);
      const account = accountId === undefined ? undefined : before.accounts[accountId];
      const role = account?.status === 'OPEN' ? account.administrators[c.actor.adminId] : undefined;
      const allowed = rolesAllowed[c.type] ?? [];
      if (role === undefined || !allowed.includes(role)) found.push(`${c.type} succeeded for an administrator with role ${role ?? 'none'} in that account`);
      if (c.type === 'AddAdministrator' && c.data.role === 'OWNER' && role !== 'OWNER') found.push('a non-owner created an OWNER');
      const removedRole = c.type === 'RemoveAdministrator' && account?.status === 'OPEN' ? account.administrators[c.data.adminId] : undefined;
      if (removedRole === 'OWNER' && role !== 'OWNER') found.push('a non-owner removed an OWNER');
    }
    if ((c.type === 'CompleteStepUp' || c.type === 'FailStepUp') && c.actor.kind !== 'authenticator') found.push(`a ${c.actor.kind} answered a step-up`);
    if (c.type === 'AssignHardwareToken' && c.actor.kind !== 'admin') found.push('a token was assigned by a non-administrator');
    if (c.actor.kind === 'user' && !['StartPortalSession', 'BeginStepUp', 'EndPortalSession'].includes(c.type)) {
      const why = unauthorisedUserChange(before, { ...c, actor: c.actor });
      if (why !== undefined) found.push(`${c.type}: ${why}`);
    }
    const removedBy = decision.right.some((event) => event.type === 'DeviceRemoved' || event.type === 'HardwareTokenRemoved') ? c.actor.kind : undefined;
    const userBefore = 'userId' in c.data ? registered(before, c.data.userId) : undefined;
    if (removedBy === 'user' && userBefore !== undefined && userBefore.phones.length + userBefore.tokens.length < 2) found.push('self-service removed a last device');
  }
  return [...found, ...stateViolations(after)];
};

/** Every violation a state shows. */
const stateViolations = (world: World): readonly string[] => {
  const found: string[] = [];
  Object.values(world.accounts).forEach((account) => {
    if (account.status === 'OPEN' && !Object.values(account.administrators).includes('OWNER')) found.push(`account ${account.accountId} has no OWNER`);
  });
  const holders = new Map<string, string>();
  Object.values(world.users).forEach((user) => {
    if (user.status !== 'REGISTERED') return;
    const chosen = user.defaultDevice;
    const phone = chosen === undefined ? undefined : user.phones.find((p) => p.deviceId === chosen.deviceId);
    if (chosen !== undefined && phone === undefined) found.push(`${user.username}'s default device is not one of their phones`);
    if (chosen?.loginAction === 'PUSH' && !canDo(user, chosen.deviceId, 'PUSH')) found.push(`${user.username}'s default pushes to a device that cannot`);
    if (chosen?.loginAction === 'CALL' && phone?.phoneNumber === undefined) found.push(`${user.username}'s default calls a device without a number`);
    if (user.phones.length > world.policy.maxPhones) found.push(`${user.username} has more phones than the policy allows`);
    const names = user.phones.map((p) => p.name.toLowerCase());
    if (new Set(names).size !== names.length) found.push(`${user.username} has two devices with the same name`);
    user.phones.forEach((p) => {
      if (p.phoneNumber === undefined) return;
      const key = `${user.accountId} ${p.phoneNumber}`;
      const holder = holders.get(key);
      if (holder !== undefined) found.push(`${p.phoneNumber} belongs to ${holder} and ${user.username}`);
      holders.set(key, user.username);
    });
  });
  return found;
};
