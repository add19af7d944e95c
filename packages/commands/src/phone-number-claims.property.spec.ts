import fc from 'fast-check';
import { categoryOf } from '@ssp/eventstore';
import type { CommandHandler } from './handler';
import type { CommandResult } from './result';
import {
  accepted,
  beginStepUp,
  completeStepUp,
  createTestWorld,
  enrollMobile,
  failingAppendsTo,
  goingDownAfter,
  historyOf,
  idOf,
  phoneNumber,
  phonesWithoutTheirClaim,
  removeDevice,
  seedAccount,
  seedPortalUser,
  seedUserWithoutDevice,
  startPortalSession,
  unavailable,
  userActor,
  withIoLatency,
  type ActorJson,
  type PortalUser,
  type SeededAccount,
  type TestWorld,
} from './testing';

/**
 * Whatever happens to enrollments and removals of a few contested numbers (crashes between
 * the two appends, a store that goes down, releases that fail, two processes racing, time
 * passing), every device holds its number's claim, no number is on two users' devices, and
 * once the lease has passed every number no device holds can be enrolled again.
 */
const lease = 60;
const users = ['alice', 'bob', 'carol'] as const;
const contested = [10, 11, 12] as const;

type Failure = 'none' | 'crash between the appends' | 'device append unavailable' | 'store down after the claim';
type Step =
  | Readonly<{ kind: 'enroll'; user: number; number: number; failure: Failure }>
  | Readonly<{ kind: 'remove'; user: number; number: number; releaseFails: boolean }>
  | Readonly<{ kind: 'race'; first: number; second: number; number: number }>
  | Readonly<{ kind: 'wait'; seconds: number }>;

const userIndex = fc.integer({ min: 0, max: users.length - 1 });
const contestedNumber = fc.constantFrom(...contested);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('enroll' as const),
    user: userIndex,
    number: contestedNumber,
    failure: fc.constantFrom<Failure>('none', 'none', 'crash between the appends', 'device append unavailable', 'store down after the claim'),
  }),
  fc.record({ kind: fc.constant('remove' as const), user: userIndex, number: contestedNumber, releaseFails: fc.boolean() }),
  fc.record({ kind: fc.constant('race' as const), first: userIndex, second: userIndex, number: contestedNumber }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
);

/** What the store says each user's phones are now, by number. */
const phonesByNumber = async (world: TestWorld): Promise<ReadonlyMap<string, ReadonlyMap<string, string>>> => {
  const byNumber = new Map<string, Map<string, string>>();
  for (const { streamName, type, data } of await historyOf(world.store)) {
    if (categoryOf(streamName) !== 'UserDevices') continue;
    const number = String(data.phoneNumber);
    if (type === 'DeviceEnrolled' && data.phoneNumber !== undefined) byNumber.set(number, new Map([...(byNumber.get(number) ?? []), [String(data.deviceId), String(data.userId)]]));
    if (type === 'DeviceRemoved' && data.phoneNumber !== undefined) byNumber.get(number)?.delete(String(data.deviceId));
  }
  return byNumber;
};

/** A new session with a completed step-up: every step acts with a fresh one, so only the claims decide. */
const freshActor = async (send: CommandHandler, user: PortalUser, label: string): Promise<ActorJson> => {
  const sessionId = idOf(`${user.userId}:${label}`);
  accepted(await send(startPortalSession(user.userId, sessionId, user.account.applicationId)));
  accepted(await send(beginStepUp(user.userId, sessionId, user.phoneId, 'SMS')));
  accepted(await send(completeStepUp(sessionId)));
  return userActor(user.userId, sessionId);
};

const expectedCodes = new Set(['DUPLICATE', 'NOT_FOUND', 'STORE_UNAVAILABLE']);
const expectKnownOutcome = (result: CommandResult) => {
  if (!result.ok) expect(expectedCodes).toContain(result.error.code);
};

const run = async (steps: readonly Step[]) => {
  const world = createTestWorld();
  const send = world.handler({ claimLeaseSeconds: lease });
  const account: SeededAccount = await seedAccount(send, 'acme');
  const people: PortalUser[] = [];
  for (const [i, name] of users.entries()) people.push(await seedPortalUser(send, account, name, phoneNumber(i + 1)));
  const person = (i: number): PortalUser => {
    const found = people[i];
    if (found === undefined) throw new Error(`no user ${i}`);
    return found;
  };

  const handlerFor = (failure: Failure): CommandHandler => {
    switch (failure) {
      case 'none':
        return send;
      case 'crash between the appends':
        return world.handler({ claimLeaseSeconds: lease, hooks: { betweenClaimAndEnrollment: () => Promise.reject(new Error('crashed')) } });
      case 'device append unavailable':
        return world.handler({ claimLeaseSeconds: lease, store: failingAppendsTo(world.store, 'UserDevices', unavailable) });
      case 'store down after the claim':
        return world.handler({ claimLeaseSeconds: lease, store: goingDownAfter(world.store, (name) => categoryOf(name) === 'PhoneNumberClaim') });
    }
  };

  for (const [i, each] of steps.entries()) {
    if (each.kind === 'wait') world.clock.advance(each.seconds);
    if (each.kind === 'enroll') {
      const user = person(each.user);
      const enrollment = enrollMobile(await freshActor(send, user, `step-${i}`), user.userId, idOf(`${user.userId}:device-${i}`), phoneNumber(each.number));
      await handlerFor(each.failure)(enrollment).then(expectKnownOutcome, (error: unknown) => expect(String(error)).toContain('crashed'));
    }
    if (each.kind === 'remove') {
      const user = person(each.user);
      const holders = (await phonesByNumber(world)).get(phoneNumber(each.number)) ?? new Map<string, string>();
      const deviceId = [...holders].find(([, holder]) => holder === user.userId)?.[0] ?? idOf(`${user.userId}:no-such-device`);
      const remover = each.releaseFails ? world.handler({ store: failingAppendsTo(world.store, 'PhoneNumberClaim', unavailable) }) : send;
      expectKnownOutcome(await remover(removeDevice(await freshActor(send, user, `step-${i}`), user.userId, deviceId)));
    }
    if (each.kind === 'race') {
      const slow = withIoLatency(world.store);
      const [first, second] = [person(each.first), person(each.second)];
      const racers = [first, second].map(async (user, n) =>
        world.handler({ claimLeaseSeconds: lease, store: slow.store, random: () => 0 })(
          enrollMobile(await freshActor(send, user, `step-${i}-${n}`), user.userId, idOf(`${user.userId}:device-${i}-${n}`), phoneNumber(each.number)),
        ),
      );
      (await Promise.all(racers)).forEach(expectKnownOutcome);
    }

    expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    for (const [number, holders] of await phonesByNumber(world)) expect([number, new Set(holders.values()).size <= 1]).toEqual([number, true]);
  }

  // Liveness: after the lease, a newcomer can enroll every contested number no device holds.
  world.clock.advance(lease + 1);
  const held = await phonesByNumber(world);
  const free = contested.filter((n) => (held.get(phoneNumber(n))?.size ?? 0) === 0);
  const [firstFree, ...otherFree] = free;
  if (firstFree === undefined) return;
  const dave = await seedUserWithoutDevice(send, account, 'dave');
  const davePhoneId = idOf('dave:first-phone');
  accepted(await send(enrollMobile(dave.actor, dave.userId, davePhoneId, phoneNumber(firstFree))));
  const daveInPortal: PortalUser = { ...dave, account, phoneId: davePhoneId, phoneNumber: phoneNumber(firstFree) };
  for (const [i, n] of otherFree.entries()) {
    accepted(await send(enrollMobile(await freshActor(send, daveInPortal, `final-${i}`), dave.userId, idOf(`dave:phone-${i}`), phoneNumber(n))));
  }
};

describe('phone-number claims under failures, races and time', () => {
  it('given any sequence of enrollments, removals, failures, races and waits, then every device holds its claim and no number is blocked after the lease', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), run), { numRuns: 30, seed: 20261128 });
  });
});
