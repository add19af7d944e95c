import { streams } from '@ssp/domain';
import {
  accepted,
  enrollMobile,
  enrollTablet,
  failingAppendsTo,
  goingDownAfter,
  idOf,
  interleavingBeforeFirstAppend,
  phoneNumber,
  phonesWithoutTheirClaim,
  refused,
  renameDevice,
  sameCommand,
  seedAliceAndBob,
  streamOf,
  typesOf,
  unavailable,
  withoutAppending,
} from './testing';
import { categoryOf } from '@ssp/eventstore';

const lease = 60;

/**
 * Claim first, device second: whatever fails between the two appends (a crash, a store going
 * down, a refusal when the enrollment is decided again), no device is without its claim, the
 * number is never blocked for longer than the lease, and a compensation gives it back at once
 * where the handler can still write.
 */
describe('phone-number claims when something fails between the two appends', () => {
  const givenAliceAndBob = () => seedAliceAndBob(lease);

  describe('a failure between the claim and the device', () => {
    const crashingOnce = () => {
      let crashed = false;
      return {
        betweenClaimAndEnrollment: async () => {
          if (crashed) return;
          crashed = true;
          throw new Error('process crashed between the two appends');
        },
      };
    };

    it('given a crash after the claim, then the number is held without a device, and no device is without its claim', async () => {
      const { world, alice, claimStream } = await givenAliceAndBob();
      const crashing = world.handler({ hooks: crashingOnce(), claimLeaseSeconds: lease });

      await expect(crashing(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3)))).rejects.toThrow('crashed');

      expect(typesOf(await streamOf(world.store, claimStream(3)))).toEqual(['PhoneNumberClaimed']);
      const enrolled = (await streamOf(world.store, streams.userDevices(alice.userId))).filter((event) => event.type === 'DeviceEnrolled');
      expect(enrolled.map((event) => event.data.deviceId)).toEqual([alice.phoneId]);
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it('given a crash after the claim, when the same user retries the same command after a restart, then it succeeds at once, without claiming again', async () => {
      const { world, alice } = await givenAliceAndBob();
      const enrollment = enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3));
      await expect(world.handler({ hooks: crashingOnce() })(enrollment)).rejects.toThrow('crashed');

      const events = accepted(await world.handler({ claimLeaseSeconds: lease })(sameCommand(enrollment)));

      expect(typesOf(events)).toEqual(['DeviceEnrolled']);
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it('given a crash after the claim, when another user enrolls the number within the lease, then DUPLICATE; after the lease, the stale claim is taken over', async () => {
      const { world, alice, bob, claimStream } = await givenAliceAndBob();
      await expect(
        world.handler({ hooks: crashingOnce() })(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))),
      ).rejects.toThrow('crashed');
      const restarted = world.handler({ claimLeaseSeconds: lease });
      const bobEnrolls = () => enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3));

      world.clock.advance(lease);
      await withoutAppending(world.store, async () => refused(await restarted(bobEnrolls()), 'DUPLICATE'));

      world.clock.advance(1);
      const events = accepted(await restarted(bobEnrolls()));

      expect(typesOf(events)).toEqual(['PhoneNumberReleased', 'PhoneNumberClaimed', 'DeviceEnrolled']);
      expect(events[0]?.data).toMatchObject({ userId: alice.userId, reason: 'HOLDER_NO_LONGER_HAS_IT' });
      expect(typesOf(await streamOf(world.store, claimStream(3)))).toEqual(['PhoneNumberClaimed', 'PhoneNumberReleased', 'PhoneNumberClaimed']);
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it('given the device append fails with Unavailable, then STORE_UNAVAILABLE, the claim is given back, and Bob can enroll the number at once', async () => {
      const { world, alice, bob, claimStream } = await givenAliceAndBob();
      const failing = world.handler({ store: failingAppendsTo(world.store, 'UserDevices', unavailable), claimLeaseSeconds: lease });

      refused(await failing(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))), 'STORE_UNAVAILABLE');

      const claim = await streamOf(world.store, claimStream(3));
      expect(typesOf(claim)).toEqual(['PhoneNumberClaimed', 'PhoneNumberReleased']);
      expect(claim[1]?.data.reason).toBe('ENROLLMENT_ABANDONED');
      accepted(await world.handler()(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3))));
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it('given the store goes down right after the claim (no compensation possible), then the number is blocked only for the lease', async () => {
      const { world, alice, bob } = await givenAliceAndBob();
      const failing = world.handler({ store: goingDownAfter(world.store, (name) => categoryOf(name) === 'PhoneNumberClaim'), claimLeaseSeconds: lease });
      refused(await failing(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))), 'STORE_UNAVAILABLE');
      const restarted = world.handler({ claimLeaseSeconds: lease });

      await withoutAppending(world.store, async () =>
        refused(await restarted(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3))), 'DUPLICATE'),
      );
      world.clock.advance(lease + 1);

      accepted(await restarted(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3))));
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });
  });

  it('given the device append meets a conflict after the claim, when the enrollment is decided again and accepted, then its result lists the claim it made too', async () => {
    const { world, alice } = await givenAliceAndBob();
    const elsewhere = world.handler();
    const racing = world.handler({
      random: () => 0,
      store: interleavingBeforeFirstAppend(world.store, streams.userDevices(alice.userId), async () => {
        accepted(await elsewhere(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Renamed elsewhere')));
      }),
    });

    const events = accepted(await racing(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))));

    expect(typesOf(events)).toEqual(['PhoneNumberClaimed', 'DeviceEnrolled']);
    expect(typesOf(await streamOf(world.store, streams.phoneNumberClaim(alice.account.accountId, phoneNumber(3))))).toEqual(['PhoneNumberClaimed']);
  });

  it('given the crash seam between claim and enrollment, when commands that claim nothing are handled, then the seam is not reached', async () => {
    const { world, alice } = await givenAliceAndBob();
    const seamReachedBy: string[] = [];
    const send = world.handler({ hooks: { betweenClaimAndEnrollment: async () => void seamReachedBy.push('a command') } });

    accepted(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')));
    accepted(await send(enrollTablet(alice.actor, alice.userId, idOf('alice:tablet'))));
    expect(seamReachedBy).toEqual([]);

    accepted(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))));
    expect(seamReachedBy).toEqual(['a command']);
  });

  it('given an enrollment that claimed its number and is then refused on its retry, then the number is given back', async () => {
    const { world, alice, bob, claimStream } = await givenAliceAndBob();
    const elsewhere = world.handler();
    let interfered = false;
    const racing = world.handler({
      claimLeaseSeconds: lease,
      random: () => 0,
      hooks: {
        betweenClaimAndEnrollment: async () => {
          if (interfered) return;
          interfered = true;
          // Another process gives Alice a device with the very name this enrollment asks for.
          accepted(await elsewhere(enrollTablet(alice.actor, alice.userId, idOf('alice:tablet'), 'Travel')));
        },
      },
    });

    const error = refused(await racing(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3), 'Travel')), 'DUPLICATE');

    expect(error.message).toContain('Travel');
    const claim = await streamOf(world.store, claimStream(3));
    expect(typesOf(claim)).toEqual(['PhoneNumberClaimed', 'PhoneNumberReleased']);
    expect(claim[1]?.data.reason).toBe('ENROLLMENT_ABANDONED');
    expect(claim[1]?.metadata.actor).toEqual({ kind: 'system' });
    accepted(await world.handler()(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3))));
  });
});
