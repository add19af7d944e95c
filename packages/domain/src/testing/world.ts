/**
 * A pure, in-memory "world" for this package's property tests: it routes each command to its
 * aggregate and loads the context from the current states, as a command handler would, with
 * no store, no retries and no clock but its own. Internal: not exported from
 * `@ssp/domain/testing`.
 */
import * as E from 'fp-ts/Either';
import {
  accountDecider,
  applicationDecider,
  currentHolder,
  decideClaim,
  decideRelease,
  evolvePhoneNumberClaim,
  findPhone,
  initialPhoneNumberClaimState,
  isAccountCommand,
  isApplicationCommand,
  isPortalSessionCommand,
  portalSessionDecider,
  userDevicesDecider,
  type AccountCommand,
  type AccountState,
  type ApplicationCommand,
  type ApplicationState,
  type Command,
  type DomainError,
  type DomainEvent,
  type PhoneNumberClaimEvent,
  type PhoneNumberClaimState,
  type Policy,
  type PortalSessionCommand,
  type PortalSessionState,
  type UserDevicesCommand,
  type UserDevicesEvent,
  type UserDevicesState,
} from '../index';
import type { Decision } from '../shared/decider';
import { addSeconds } from '../shared/time';

type States<S> = Readonly<Record<string, S>>;

/** The events of a decision: what the world folds. The recorded actor is the command side's concern. */
const eventsOf = <Ev>(decided: E.Either<DomainError, Decision<Ev>>): E.Either<DomainError, readonly Ev[]> => E.map((decision: Decision<Ev>) => decision.events)(decided);

export type World = Readonly<{
  now: string;
  policy: Policy;
  /** How long a phone-number claim holds without its device (see `ClaimView`). */
  claimLeaseSeconds: number;
  accounts: States<AccountState>;
  applications: States<ApplicationState>;
  users: States<UserDevicesState>;
  sessions: States<PortalSessionState>;
  /** Keyed `<accountId>-<number>`, as the claim's stream is. */
  claims: States<PhoneNumberClaimState>;
}>;

export type Handled = Readonly<{
  command: Command;
  before: World;
  decision: E.Either<DomainError, readonly DomainEvent[]>;
  after: World;
}>;

export const emptyWorld = (now: string, policy: Policy): World => ({
  now,
  policy,
  claimLeaseSeconds: 120,
  accounts: {},
  applications: {},
  users: {},
  sessions: {},
  claims: {},
});

export const advance = (world: World, seconds: number): World => ({ ...world, now: addSeconds(world.now, seconds) });

const accountOf = (world: World, accountId: string | undefined): AccountState =>
  (accountId === undefined ? undefined : world.accounts[accountId]) ?? accountDecider.initialState;
const applicationOf = (world: World, applicationId: string | undefined): ApplicationState =>
  (applicationId === undefined ? undefined : world.applications[applicationId]) ?? applicationDecider.initialState;
const userOf = (world: World, userId: string | undefined): UserDevicesState =>
  (userId === undefined ? undefined : world.users[userId]) ?? userDevicesDecider.initialState;
const sessionOf = (world: World, sessionId: string | undefined): PortalSessionState =>
  (sessionId === undefined ? undefined : world.sessions[sessionId]) ?? portalSessionDecider.initialState;

const claimKey = (accountId: string, phoneNumber: string): string => `${accountId}-${phoneNumber.slice(1)}`;

const holderHasDevice = (world: World, claim: PhoneNumberClaimState): boolean => {
  const holder = claim.holder === undefined ? undefined : world.users[claim.holder.userId];
  return holder?.status === 'REGISTERED' && claim.holder !== undefined && findPhone(holder, claim.holder.deviceId) !== undefined;
};

const claimView = (world: World, claim: PhoneNumberClaimState) => ({ now: world.now, leaseSeconds: world.claimLeaseSeconds, holderHasDevice: holderHasDevice(world, claim) });

/** After a user's devices change: claim the numbers enrolled, release the numbers removed. */
const updateClaims = (world: World, events: readonly UserDevicesEvent[]): States<PhoneNumberClaimState> =>
  events.reduce((claims, event) => {
    if ((event.type !== 'DeviceEnrolled' && event.type !== 'DeviceRemoved') || event.data.phoneNumber === undefined) return claims;
    const { accountId, userId, deviceId, phoneNumber } = event.data;
    const key = claimKey(accountId, phoneNumber);
    const claim = claims[key] ?? initialPhoneNumberClaimState;
    const request = { accountId, phoneNumber, userId, deviceId };
    const decided: readonly PhoneNumberClaimEvent[] =
      event.type === 'DeviceEnrolled' ? decideClaim(request, claim, claimView(world, claim)) : decideRelease(request, claim, 'DEVICE_REMOVED');
    return { ...claims, [key]: decided.reduce(evolvePhoneNumberClaim, claim) };
  }, world.claims);

const handleAccount = (world: World, command: AccountCommand): Handled => {
  const id = command.data.accountId;
  const state = accountOf(world, id);
  const decision = eventsOf(accountDecider.decide(command, state, undefined));
  const after = E.isRight(decision) ? { ...world, accounts: { ...world.accounts, [id]: decision.right.reduce(accountDecider.evolve, state) } } : world;
  return { command, before: world, decision, after };
};

const handleApplication = (world: World, command: ApplicationCommand): Handled => {
  const id = command.data.applicationId;
  const state = applicationOf(world, id);
  const accountId = command.type === 'RegisterApplication' ? command.data.accountId : state.status === 'REGISTERED' ? state.accountId : undefined;
  const decision = eventsOf(applicationDecider.decide(command, state, { account: accountOf(world, accountId) }));
  const after = E.isRight(decision)
    ? { ...world, applications: { ...world.applications, [id]: decision.right.reduce(applicationDecider.evolve, state) } }
    : world;
  return { command, before: world, decision, after };
};

const handlePortalSession = (world: World, command: PortalSessionCommand): Handled => {
  const id = command.data.sessionId;
  const state = sessionOf(world, id);
  const started = state.status === 'NONE' ? undefined : state;
  const application = applicationOf(world, command.type === 'StartPortalSession' ? command.data.applicationId : started?.applicationId);
  const context = {
    now: world.now,
    policy: world.policy,
    user: userOf(world, command.type === 'StartPortalSession' ? command.data.userId : started?.userId),
    application,
    account: accountOf(world, command.type === 'StartPortalSession' ? (application.status === 'REGISTERED' ? application.accountId : undefined) : started?.accountId),
  };
  const decision = eventsOf(portalSessionDecider.decide(command, state, context));
  const after = E.isRight(decision) ? { ...world, sessions: { ...world.sessions, [id]: decision.right.reduce(portalSessionDecider.evolve, state) } } : world;
  return { command, before: world, decision, after };
};

const handleUserDevices = (world: World, command: UserDevicesCommand): Handled => {
  const id = command.data.userId;
  const state = userOf(world, id);
  const accountId = command.type === 'RegisterUser' ? command.data.accountId : state.status === 'REGISTERED' ? state.accountId : undefined;
  const session = sessionOf(world, command.actor.kind === 'user' ? command.actor.sessionId : undefined);
  const number = command.type === 'EnrollDevice' ? command.data.phoneNumber : undefined;
  const claim = accountId === undefined || number === undefined ? initialPhoneNumberClaimState : (world.claims[claimKey(accountId, number)] ?? initialPhoneNumberClaimState);
  const numberHeldBy = currentHolder(claim, claimView(world, claim));
  const context = {
    now: world.now,
    policy: world.policy,
    session,
    application: applicationOf(world, session.status === 'NONE' ? undefined : session.applicationId),
    account: accountOf(world, accountId),
    ...(numberHeldBy === undefined ? {} : { numberHeldBy }),
  };
  const decision = eventsOf(userDevicesDecider.decide(command, state, context));
  const after = E.isRight(decision)
    ? { ...world, users: { ...world.users, [id]: decision.right.reduce(userDevicesDecider.evolve, state) }, claims: updateClaims(world, decision.right) }
    : world;
  return { command, before: world, decision, after };
};

/** Decides one command against the world as it stands, and applies its events if it succeeds. */
export const handle = (world: World, command: Command): Handled => {
  if (isAccountCommand(command)) return handleAccount(world, command);
  if (isApplicationCommand(command)) return handleApplication(world, command);
  if (isPortalSessionCommand(command)) return handlePortalSession(world, command);
  return handleUserDevices(world, command);
};
