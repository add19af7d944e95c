import { accountDecider, type AccountEvent } from '../account';
import type { ApplicationContext, ApplicationEvent } from '../application';
import { applicationDecider } from '../application';
import type { Command, CommandType } from '../commands';
import type { PortalSessionContext, PortalSessionEvent } from '../portal-session';
import { portalSessionDecider } from '../portal-session';
import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { defaultPolicy, type Policy } from '../shared/policy';
import { addSeconds } from '../shared/time';
import type { UserDevicesContext, UserDevicesEvent } from '../user-devices';
import { userDevicesDecider } from '../user-devices';

/** A valid UUID (version 4 layout) that reads as what it names: `ad000000-…-000000000002` is the second admin. */
const fixedId = (group: string, n: number): string => `${group}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Fixed identifiers, so that expected events can be written out in full. */
export const ids = {
  command: fixedId('c0000000', 1),
  account: fixedId('acc00000', 1),
  otherAccount: fixedId('acc00000', 2),
  /** Administrators of `account`, one per role. */
  owner: fixedId('ad000000', 1),
  administrator: fixedId('ad000000', 2),
  applicationManager: fixedId('ad000000', 3),
  userManager: fixedId('ad000000', 4),
  helpDesk: fixedId('ad000000', 5),
  billing: fixedId('ad000000', 6),
  readOnly: fixedId('ad000000', 7),
  /** An administrator not yet added anywhere. */
  newcomer: fixedId('ad000000', 8),
  /** The owner of `otherAccount`: a stranger to `account`. */
  stranger: fixedId('ad000000', 9),
  application: fixedId('a9900000', 1),
  otherApplication: fixedId('a9900000', 2),
  /** Users of `account`. */
  alice: fixedId('05e40000', 1),
  bob: fixedId('05e40000', 2),
  /** A user of `otherAccount`. */
  carol: fixedId('05e40000', 3),
  session: fixedId('5e550000', 1),
  otherSession: fixedId('5e550000', 2),
  mobile: fixedId('de71ce00', 1),
  tablet: fixedId('de71ce00', 2),
  landline: fixedId('de71ce00', 3),
  secondMobile: fixedId('de71ce00', 4),
  token: fixedId('70ce0000', 1),
  secondToken: fixedId('70ce0000', 2),
  activation: fixedId('ac7e0000', 1),
  secondActivation: fixedId('ac7e0000', 2),
} as const;

/** Device ids beyond the named ones, for tests that enroll many phones. */
export const deviceId = (n: number): string => fixedId('de71ce00', 0x100 + n);

/** The instant every specification starts at. */
export const T0 = '2026-11-28T10:00:00.000Z';

/** `seconds` after `T0`, as the ISO string the domain stores. */
export const at = (seconds: number): string => addSeconds(T0, seconds);

export const minutes = (n: number): number => n * 60;
export const hours = (n: number): number => n * 3600;

/** The actors of the contract. An administrator never carries a role: history says what it is. */
export const actors: Readonly<{
  admin: (adminId: string) => Actor;
  user: (userId: string, sessionId?: string) => Actor;
  authenticator: Actor;
  system: Actor;
}> = {
  admin: (adminId: string): Actor => ({ kind: 'admin', adminId }),
  /** A user; `sessionId` is left out only for `StartPortalSession`. */
  user: (userId: string, sessionId?: string): Actor => (sessionId === undefined ? { kind: 'user', userId } : { kind: 'user', userId, sessionId }),
  authenticator: { kind: 'authenticator' },
  system: { kind: 'system' },
};

export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** A command envelope as `decodeCommand` would produce it, with the fixed `ids.command`. */
export type CommandEnvelope<T extends CommandType> = Readonly<{ type: T; commandId: string; actor: Actor; data: CommandOf<T>['data'] }>;

export const command = <T extends CommandType>(type: T, actor: Actor, data: CommandOf<T>['data'], commandId: string = ids.command): CommandEnvelope<T> => ({
  type,
  commandId,
  actor,
  data,
});

/** What every context holds: the time, and the default policy (5 min step-up, 15 min session, 10 phones). */
export const standardContext: Readonly<{ now: string; policy: Policy }> = { now: T0, policy: defaultPolicy };

/** Other aggregates' histories, as a command handler would load them. Absent ones have none. */
export type Histories = Readonly<{
  account?: readonly AccountEvent[];
  application?: readonly ApplicationEvent[];
  user?: readonly UserDevicesEvent[];
  session?: readonly PortalSessionEvent[];
  now?: string;
  policy?: Policy;
}>;

export const applicationContext = (account: readonly AccountEvent[]): ApplicationContext => ({ account: fold(accountDecider, account) });

export const portalSessionContext = (given: Histories): PortalSessionContext => ({
  now: given.now ?? standardContext.now,
  policy: given.policy ?? standardContext.policy,
  account: fold(accountDecider, given.account ?? []),
  application: fold(applicationDecider, given.application ?? []),
  user: fold(userDevicesDecider, given.user ?? []),
});

export const userDevicesContext = (given: Histories & Readonly<{ numberHeldBy?: string }>): UserDevicesContext => ({
  now: given.now ?? standardContext.now,
  policy: given.policy ?? standardContext.policy,
  account: fold(accountDecider, given.account ?? []),
  application: fold(applicationDecider, given.application ?? []),
  session: fold(portalSessionDecider, given.session ?? []),
  ...(given.numberHeldBy === undefined ? {} : { numberHeldBy: given.numberHeldBy }),
});
