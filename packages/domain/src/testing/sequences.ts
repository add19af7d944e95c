/**
 * The random sequences of `invariants.spec.ts`: the world they start from, fast-check
 * generators of portal visits, administrator commands, stray commands and clock advances, from
 * a small pool of ids, and the intents resolved against the world when they run. Internal: not
 * exported from `@ssp/domain/testing`.
 */
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { defaultPolicy, editions, roles, type Actor, type ApplicationType, type Command, type LoginAction, type Platform, type Role, type StepUpMethod } from '../index';
import { actors, command, deviceId as extraDeviceId, ids, T0, type CommandOf } from './fixtures';
import { numbers } from './histories';
import { canDo, registered } from './rules';
import { emptyWorld, handle, type World } from './world';

const sshApplication = 'a9900000-0000-4000-8000-000000000003';
/** Ids for registrations during a sequence. */
const newUser = '05e40000-0000-4000-8000-000000000004';
const newApplication = 'a9900000-0000-4000-8000-000000000004';
/** Enough session ids that a visit usually gets a new session, few enough that some collide. */
const sessionIds = Array.from({ length: 10 }, (_, n) => `5e550000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`);

// ---- The world the sequences start from ----

const staff: readonly (readonly [string, Role])[] = [
  [ids.administrator, 'ADMINISTRATOR'],
  [ids.applicationManager, 'APPLICATION_MANAGER'],
  [ids.userManager, 'USER_MANAGER'],
  [ids.helpDesk, 'HELP_DESK'],
  [ids.billing, 'BILLING'],
  [ids.readOnly, 'READ_ONLY'],
];
const owner = actors.admin(ids.owner);
const stranger = actors.admin(ids.stranger);

const seedCommands: readonly Command[] = [
  command('OpenAccount', actors.system, { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner }),
  command('OpenAccount', actors.system, { accountId: ids.otherAccount, name: 'Other', edition: 'PLATFORM', ownerAdminId: ids.stranger }),
  ...staff.map(([adminId, role]) => command('AddAdministrator', owner, { accountId: ids.account, adminId, role })),
  // The other account has two owners and an administrator, so that removing an OWNER is possible.
  command('AddAdministrator', stranger, { accountId: ids.otherAccount, adminId: ids.newcomer, role: 'OWNER' }),
  command('AddAdministrator', stranger, { accountId: ids.otherAccount, adminId: ids.administrator, role: 'ADMINISTRATOR' }),
  command('EnableNewEnrollment', owner, { accountId: ids.account }),
  command('EnableNewEnrollment', stranger, { accountId: ids.otherAccount }),
  command('RegisterUser', owner, { accountId: ids.account, userId: ids.alice, username: 'alice' }),
  command('RegisterUser', owner, { accountId: ids.account, userId: ids.bob, username: 'bob' }),
  command('RegisterUser', stranger, { accountId: ids.otherAccount, userId: ids.carol, username: 'carol' }),
  command('RegisterApplication', owner, { accountId: ids.account, applicationId: ids.application, name: 'Intranet', applicationType: 'WEB_SDK' }),
  command('RegisterApplication', owner, { accountId: ids.account, applicationId: sshApplication, name: 'Servers', applicationType: 'UNIX_SSH' }),
  command('RegisterApplication', stranger, { accountId: ids.otherAccount, applicationId: ids.otherApplication, name: 'Mail', applicationType: 'MICROSOFT_OWA' }),
  command('EnableSelfService', owner, { applicationId: ids.application }),
  command('EnableSelfService', stranger, { applicationId: ids.otherApplication }),
  // Alice starts with a phone and a hardware token; bob and carol with nothing, to enroll a first device.
  command('EnrollDevice', owner, { userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber: numbers.alice, platform: 'IOS' }),
  command('AssignHardwareToken', actors.admin(ids.helpDesk), { userId: ids.alice, tokenId: ids.token, serial: '123456', tokenType: 't6' }),
];

export const seeded: World = seedCommands.reduce((world, c) => {
  const handled = handle(world, c);
  if (E.isLeft(handled.decision)) throw new Error(`seeding failed at ${c.type}: ${handled.decision.left.message}`);
  return handled.after;
}, emptyWorld(T0, { ...defaultPolicy, maxPhones: 2 }));

// ---- Generators ----


type EnrollmentData = Omit<CommandOf<'EnrollDevice'>['data'], 'userId'>;

/**
 * A step of a sequence. Some steps are intents resolved against the world when they run, so
 * that the interesting paths are reached often: `stepUp` begins a challenge on the device the
 * user owns at index `pick`, with a method it can do (or, with `anyMethod`, one chosen
 * blindly) and then the reply; `removeOwn` removes the device or token the user owns at index
 * `pick`; `defaultOwn` makes the phone the user owns at index `pick` the default; `enrollFresh`
 * enrolls a device under an id the user has not used yet.
 */
export type Step =
  | Readonly<{ kind: 'command'; command: Command }>
  | Readonly<{ kind: 'advance'; seconds: number }>
  | Readonly<{ kind: 'stepUp'; userId: string; sessionId: string; pick: number; method: StepUpMethod; anyMethod: boolean; reply: Command }>
  | Readonly<{ kind: 'removeOwn'; userId: string; sessionId: string; pick: number }>
  | Readonly<{ kind: 'defaultOwn'; userId: string; sessionId: string; pick: number; loginAction: LoginAction }>
  | Readonly<{ kind: 'enrollFresh'; userId: string; sessionId: string; device: EnrollmentData }>;

const pick = <T,>(...values: readonly T[]) => fc.constantFrom(...values);
const accountId = pick(ids.account, ids.account, ids.otherAccount);
const adminActor = pick(ids.owner, ids.administrator, ids.applicationManager, ids.userManager, ids.helpDesk, ids.billing, ids.readOnly, ids.newcomer, ids.stranger).map(actors.admin);
const adminId = pick(ids.owner, ids.administrator, ids.helpDesk, ids.billing, ids.newcomer, ids.stranger);
const userId = pick(ids.alice, ids.alice, ids.bob, ids.carol);
const sessionId = pick(...sessionIds);
const phoneId = pick(ids.mobile, ids.tablet, ids.landline, ids.secondMobile);
/** Each user mostly names three of the four device ids, so that actions often find the device and enrollments reach the limit. */
const preferredPhones: Readonly<Record<string, readonly string[]>> = {
  [ids.alice]: [ids.mobile, ids.tablet, ids.landline],
  [ids.bob]: [ids.landline, ids.secondMobile, ids.tablet],
};
const phoneOf = (user: string) => fc.oneof({ weight: 4, arbitrary: pick(...(preferredPhones[user] ?? [ids.mobile, ids.secondMobile, ids.landline])) }, { weight: 1, arbitrary: phoneId });
const tokenId = pick(ids.token, ids.secondToken);
const stepUpMethod = pick<StepUpMethod>('PUSH', 'CALL', 'SMS', 'PASSCODE');
const phoneNumber = pick(numbers.alice, numbers.aliceSecond, numbers.bob);
const platform = pick<Platform>('IOS', 'ANDROID', 'UNKNOWN');
const deviceName = pick<string | undefined>(undefined, undefined, 'Work', 'work', 'iOS phone');
const seconds = pick(10, 60, 120, 200, 301, 600);
const applicationFor = (user: string): string => (user === ids.carol ? ids.otherApplication : ids.application);

const enrollment = (user: string) =>
  fc.oneof(
    fc.record({ deviceId: phoneOf(user), phoneNumber, platform, name: deviceName }).map(({ name, ...d }) => ({ kind: 'MOBILE' as const, ...d, ...(name === undefined ? {} : { name }) })),
    fc.record({ deviceId: phoneOf(user), platform }).map((d) => ({ kind: 'TABLET' as const, ...d })),
    fc.record({ deviceId: phoneOf(user), phoneNumber }).map((d) => ({ kind: 'LANDLINE' as const, ...d })),
  );

/** What a user may try in the portal, on `target`'s devices, as `actor`. */
const selfServiceAction = (actor: Actor, target: string): fc.Arbitrary<Command> =>
  fc.oneof(
    { weight: 3, arbitrary: enrollment(target).map((device) => command('EnrollDevice', actor, { userId: target, ...device })) },
    { weight: 3, arbitrary: fc.tuple(phoneOf(target), deviceName).map(([deviceId, name]) => command('RenameDevice', actor, { userId: target, deviceId, name: name ?? 'Home' })) },
    { weight: 2, arbitrary: fc.tuple(phoneOf(target), pick(ids.activation, ids.secondActivation)).map(([deviceId, activationId]) =>
        command('IssueDuoMobileActivation', actor, { userId: target, deviceId, activationId })) },
    { weight: 3, arbitrary: fc.tuple(phoneOf(target), pick(ids.activation, ids.secondActivation)).map(([deviceId, activationId]) =>
        command('ActivateDuoMobile', actor, { userId: target, deviceId, activationId })) },
    { weight: 2, arbitrary: fc.tuple(phoneOf(target), pick<LoginAction>('ASK', 'PUSH', 'CALL')).map(([deviceId, loginAction]) =>
        command('SetDefaultDevice', actor, { userId: target, deviceId, loginAction })) },
    { weight: 3, arbitrary: phoneOf(target).map((deviceId) => command('RemoveDevice', actor, { userId: target, deviceId })) },
    { weight: 1, arbitrary: tokenId.map((token) => command('RemoveHardwareToken', actor, { userId: target, tokenId: token })) },
    { weight: 1, arbitrary: tokenId.map((token) => command('AssignHardwareToken', actor, { userId: target, tokenId: token, serial: '1', tokenType: 'yk' })) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(phoneId, tokenId), stepUpMethod).map(([deviceId, method]) =>
        command('BeginStepUp', actor, { sessionId: actor.kind === 'user' ? (actor.sessionId ?? ids.session) : ids.session, deviceId, method })) },
  );

/** Mostly the visitor on their own devices in their own session; sometimes someone else's. */
const actingIn = (user: string, session: string): fc.Arbitrary<Readonly<{ actor: Actor; target: string }>> =>
  fc.oneof(
    { weight: 14, arbitrary: fc.constant({ actor: actors.user(user, session), target: user }) },
    { weight: 3, arbitrary: userId.map((other) => ({ actor: actors.user(user, session), target: other })) },
    { weight: 2, arbitrary: fc.tuple(userId, sessionId).map(([other, otherSession]) => ({ actor: actors.user(user, otherSession), target: other })) },
    { weight: 2, arbitrary: userId.map((other) => ({ actor: actors.user(other, session), target: other })) },
  );

const answer = (session: string): fc.Arbitrary<Command> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(command('CompleteStepUp', actors.authenticator, { sessionId: session })) },
    { weight: 2, arbitrary: fc.constant(command('FailStepUp', actors.authenticator, { sessionId: session })) },
    { weight: 1, arbitrary: userId.map((user) => command('CompleteStepUp', actors.user(user, session), { sessionId: session })) },
  );

const adminCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.tuple(adminActor, accountId, pick(...editions)).map(([a, account, edition]) => command('ChangeEdition', a, { accountId: account, edition })),
  fc.tuple(adminActor, accountId, fc.boolean()).map(([a, account, on]) => command(on ? 'EnableNewEnrollment' : 'DisableNewEnrollment', a, { accountId: account })),
  fc.tuple(adminActor, accountId, adminId, pick(...roles)).map(([a, account, target, role]) => command('AddAdministrator', a, { accountId: account, adminId: target, role })),
  fc.tuple(adminActor, accountId, adminId, pick(...roles)).map(([a, account, target, role]) => command('ChangeAdministratorRole', a, { accountId: account, adminId: target, role })),
  fc.tuple(adminActor, accountId, adminId).map(([a, account, target]) => command('RemoveAdministrator', a, { accountId: account, adminId: target })),
  // Someone tries to make a new OWNER.
  fc.tuple(pick(ids.administrator, ids.owner, ids.helpDesk, ids.stranger), accountId, pick(ids.newcomer, ids.billing, ids.readOnly)).map(([by, account, target]) =>
    command('AddAdministrator', actors.admin(by), { accountId: account, adminId: target, role: 'OWNER' }),
  ),
  // An owner stepping down: removing or demoting themselves.
  fc.tuple(pick<readonly [string, string]>([ids.owner, ids.account], [ids.stranger, ids.otherAccount], [ids.newcomer, ids.otherAccount]), fc.boolean()).map(([[self, account], remove]) =>
    remove
      ? command('RemoveAdministrator', actors.admin(self), { accountId: account, adminId: self })
      : command('ChangeAdministratorRole', actors.admin(self), { accountId: account, adminId: self, role: 'ADMINISTRATOR' }),
  ),
  fc.tuple(adminActor, pick(ids.application, sshApplication, ids.otherApplication, newApplication), fc.boolean()).map(([a, applicationId, on]) =>
    command(on ? 'EnableSelfService' : 'DisableSelfService', a, { applicationId }),
  ),
  fc.tuple(adminActor, accountId, pick(newUser, ids.bob)).map(([a, account, user]) => command('RegisterUser', a, { accountId: account, userId: user, username: 'dave' })),
  fc.tuple(adminActor, accountId, pick(newApplication, ids.application), pick<ApplicationType>('WORDPRESS', 'RADIUS')).map(([a, account, applicationId, applicationType]) =>
    command('RegisterApplication', a, { accountId: account, applicationId, name: 'New', applicationType }),
  ),
  fc.tuple(adminActor, userId, tokenId).map(([a, user, token]) => command('AssignHardwareToken', a, { userId: user, tokenId: token, serial: token.slice(-4), tokenType: 'h6' })),
  fc.tuple(adminActor, userId).chain(([a, user]) => enrollment(user).map((device) => command('EnrollDevice', a, { userId: user, ...device }))),
  fc.tuple(adminActor, userId, phoneId).map(([a, user, device]) => command('RemoveDevice', a, { userId: user, deviceId: device })),
);

/** The owner of the user's account takes eligibility away (or gives it back): new enrollment, the edition, or the application's setting. */
const eligibilityChange = (user: string, which: number, suspend: boolean): Command => {
  const [ownerId, account] = user === ids.carol ? [ids.stranger, ids.otherAccount] : [ids.owner, ids.account];
  const by = actors.admin(ownerId);
  if (which === 0) return command(suspend ? 'DisableNewEnrollment' : 'EnableNewEnrollment', by, { accountId: account });
  if (which === 1) return command('ChangeEdition', by, { accountId: account, edition: suspend ? 'PERSONAL' : 'BEYOND' });
  return command(suspend ? 'DisableSelfService' : 'EnableSelfService', by, { applicationId: applicationFor(user) });
};

/** A visit to the portal: primary authentication, perhaps a step-up, then a few actions, the clock and the administrators running. */
const visit: fc.Arbitrary<readonly Step[]> = fc
  .tuple(userId, sessionId, fc.integer({ min: 0, max: 9 }).map((n) => n === 0))
  .chain(([user, session, toOtherApplication]) => {
    const start = command('StartPortalSession', actors.user(user), {
      sessionId: session,
      userId: user,
      applicationId: toOtherApplication ? sshApplication : applicationFor(user),
    });
    const challenge = fc
      .record({ pick: fc.nat(5), method: stepUpMethod, anyMethod: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), reply: answer(session) })
      .map((c): Step => ({ kind: 'stepUp', userId: user, sessionId: session, ...c }));
    const stepUp = fc.option(challenge, { freq: 5 });
    const own = actors.user(user, session);
    const commands = (...cs: readonly Command[]): readonly Step[] => cs.map((c) => ({ kind: 'command', command: c }));
    const action: fc.Arbitrary<readonly Step[]> = fc.oneof(
      { weight: 12, arbitrary: actingIn(user, session).chain(({ actor, target }) => selfServiceAction(actor, target)).map((c) => commands(c)) },
      {
        weight: 2,
        arbitrary: fc.tuple(phoneOf(user), pick(ids.activation, ids.secondActivation)).map(([deviceId, activationId]) =>
          commands(
            command('IssueDuoMobileActivation', own, { userId: user, deviceId, activationId }),
            command('ActivateDuoMobile', own, { userId: user, deviceId, activationId }),
          ),
        ),
      },
      { weight: 2, arbitrary: seconds.map((s): readonly Step[] => [{ kind: 'advance', seconds: s }]) },
      { weight: 2, arbitrary: challenge.map((c): readonly Step[] => [c]) },
      // Late in the session: a step-up after 10 to 15 minutes, then a short wait, around the session's end.
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 600, max: 890 }), challenge, fc.integer({ min: 1, max: 299 })).map(([before, c, after]): readonly Step[] => [
          { kind: 'advance', seconds: before },
          c,
          { kind: 'advance', seconds: after },
        ]),
      },
      { weight: 1, arbitrary: fc.constant(commands(command('EndPortalSession', own, { sessionId: session }))) },
      { weight: 1, arbitrary: adminCommand.map((c) => commands(c)) },
      { weight: 3, arbitrary: fc.nat(5).map((n): readonly Step[] => [{ kind: 'removeOwn', userId: user, sessionId: session, pick: n }]) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.nat(5), pick<LoginAction>('ASK', 'ASK', 'PUSH', 'CALL')).map(([n, loginAction]): readonly Step[] => [
          { kind: 'defaultOwn', userId: user, sessionId: session, pick: n, loginAction },
        ]),
      },
      { weight: 3, arbitrary: enrollment(user).map((device): readonly Step[] => [{ kind: 'enrollFresh', userId: user, sessionId: session, device }]) },
      { weight: 1, arbitrary: fc.tuple(fc.nat(2), fc.boolean()).map(([which, suspend]) => commands(eligibilityChange(user, which, suspend))) },
    );
    return fc.tuple(stepUp, fc.array(action, { maxLength: 8 })).map(([challenge, actions]): readonly Step[] => [
      { kind: 'command', command: start },
      ...(challenge === null ? [] : [challenge]),
      ...actions.flat(),
    ]);
  });

/** Commands out of any visit: stale sessions, strangers, the system closing sessions. */
const stray: fc.Arbitrary<Command> = fc.oneof(
  fc.tuple(userId, sessionId).chain(([user, session]) => selfServiceAction(actors.user(user, session), user)),
  sessionId.chain(answer),
  fc.tuple(sessionId, pick(actors.system, actors.authenticator)).map(([session, actor]) => command('EndPortalSession', actor, { sessionId: session })),
);

const single = (arbitrary: fc.Arbitrary<Command>): fc.Arbitrary<readonly Step[]> => arbitrary.map((c) => [{ kind: 'command', command: c }]);

export const steps: fc.Arbitrary<readonly Step[]> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: visit },
      { weight: 3, arbitrary: single(adminCommand) },
      { weight: 2, arbitrary: single(stray) },
      { weight: 1, arbitrary: seconds.map((s): readonly Step[] => [{ kind: 'advance', seconds: s }]) },
    ),
    { minLength: 3, maxLength: 20 },
  )
  .map((chunks) => chunks.flat());

// ---- Intents ----


const methods: readonly StepUpMethod[] = ['PUSH', 'CALL', 'SMS', 'PASSCODE'];

/** Every phone id a user may enroll under, in the order `enrollFresh` uses them. */
const phoneIds = [ids.mobile, ids.tablet, ids.landline, ids.secondMobile, extraDeviceId(1), extraDeviceId(2)];

/** The commands a step stands for, in the world as it is when the step runs. */
export const commandsOf = (world: World, s: Exclude<Step, { kind: 'advance' }>): readonly Command[] => {
  if (s.kind === 'command') return [s.command];
  const user = registered(world, s.userId);
  const actor = actors.user(s.userId, s.sessionId);
  const owned = user === undefined ? [] : [...user.phones.map((p) => p.deviceId), ...user.tokens.map((t) => t.tokenId)];
  if (s.kind === 'enrollFresh') {
    const fresh = phoneIds.find((id) => !(user?.usedIds ?? []).includes(id)) ?? ids.mobile;
    return [command('EnrollDevice', actor, { userId: s.userId, ...s.device, deviceId: fresh })];
  }
  if (s.kind === 'defaultOwn') {
    const phones = user?.phones ?? [];
    const phone = phones[s.pick % Math.max(phones.length, 1)]?.deviceId ?? ids.mobile;
    return [command('SetDefaultDevice', actor, { userId: s.userId, deviceId: phone, loginAction: s.loginAction })];
  }
  const deviceId = owned[s.pick % Math.max(owned.length, 1)] ?? ids.mobile;
  if (s.kind === 'removeOwn') {
    return user?.tokens.some((t) => t.tokenId === deviceId)
      ? [command('RemoveHardwareToken', actor, { userId: s.userId, tokenId: deviceId })]
      : [command('RemoveDevice', actor, { userId: s.userId, deviceId })];
  }
  const capable = user === undefined ? [] : methods.filter((m) => canDo(user, deviceId, m));
  const method = s.anyMethod ? s.method : (capable[s.pick % Math.max(capable.length, 1)] ?? s.method);
  return [command('BeginStepUp', actor, { sessionId: s.sessionId, deviceId, method }), s.reply];
};
