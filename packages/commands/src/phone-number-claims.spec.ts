import { streams } from '@ssp/domain';
import {
  accepted,
  addAdministrator,
  adminActor,
  enrollMobile,
  failingAppendsTo,
  idOf,
  phoneNumber,
  phonesWithoutTheirClaim,
  refused,
  removeDevice,
  seedAccount,
  seedAliceAndBob,
  seedPortalUser,
  streamOf,
  typesOf,
  unavailable,
  withIoLatency,
  withoutAppending,
} from './testing';
import { categoryOf } from '@ssp/eventstore';

const lease = 60;

/**
 * A phone number belongs to at most one user of an account. The claim lives in its own
 * stream, `PhoneNumberClaim-<accountId>-<digits>`: claimed before the device is appended,
 * released after the device is removed, and taken over once stale after a lease.
 */
describe('phone-number claims', () => {
  const givenAliceAndBob = () => seedAliceAndBob(lease);

  describe('uniqueness', () => {
    it('given a number enrolled by Alice, when Bob of the same account enrolls it, then DUPLICATE and nothing is appended', async () => {
      const { world, send, alice, bob } = await givenAliceAndBob();

      const error = await withoutAppending(world.store, async () =>
        refused(await send(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), alice.phoneNumber)), 'DUPLICATE'),
      );
      expect(error.message).toContain('another user');
    });

    it('given a number enrolled by Alice, when a user of another account enrolls it, then it is accepted in that account', async () => {
      const { world, send, alice } = await givenAliceAndBob();
      const globex = await seedAccount(send, 'globex');

      const dave = await seedPortalUser(send, globex, 'dave', alice.phoneNumber);

      const claim = await streamOf(world.store, streams.phoneNumberClaim(globex.accountId, alice.phoneNumber));
      expect(claim.map((event) => [event.type, event.data.userId])).toEqual([['PhoneNumberClaimed', dave.userId]]);
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it("given a help-desk administrator, when they enroll Alice's number for Bob, then DUPLICATE; a free number is claimed in the administrator's name", async () => {
      const { world, send, account, alice, bob } = await givenAliceAndBob();
      const helpDeskId = idOf('acme:help-desk');
      accepted(await send(addAdministrator(account.ownerId, account.accountId, helpDeskId, 'HELP_DESK')));

      await withoutAppending(world.store, async () =>
        refused(await send(enrollMobile(adminActor(helpDeskId), bob.userId, idOf('bob:desk-phone'), alice.phoneNumber)), 'DUPLICATE'),
      );
      const events = accepted(await send(enrollMobile(adminActor(helpDeskId), bob.userId, idOf('bob:desk-phone'), phoneNumber(3))));

      expect(events.map((event) => [event.type, event.metadata.actor])).toEqual([
        ['PhoneNumberClaimed', { kind: 'admin', adminId: helpDeskId, role: 'HELP_DESK' }],
        ['DeviceEnrolled', { kind: 'admin', adminId: helpDeskId, role: 'HELP_DESK' }],
      ]);
    });

    it('given a new number, when Alice enrolls it, then the claim comes first, in its own stream, and the device second', async () => {
      const { send, alice, claimStream } = await givenAliceAndBob();

      const events = accepted(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))));

      expect(events.map((event) => [categoryOf(event.streamName), event.type])).toEqual([
        ['PhoneNumberClaim', 'PhoneNumberClaimed'],
        ['UserDevices', 'DeviceEnrolled'],
      ]);
      expect(events[0]?.streamName).toBe(claimStream(3));
      expect(events[0]?.streamName).toBe(`PhoneNumberClaim-${alice.account.accountId}-12025550103`);
    });
  });

  describe('two users racing for one number', () => {
    it.each([
      ['one process', 1],
      ['two processes', 2],
    ])('given Alice and Bob enroll the same new number at once through %s, then exactly one gets it and the other is refused DUPLICATE', async (_how, processCount) => {
      const { world, alice, bob, claimStream } = await givenAliceAndBob();
      const slow = withIoLatency(world.store);
      const processes = Array.from({ length: processCount }, () => world.handler({ store: slow.store, claimLeaseSeconds: lease }));
      const via = (i: number) => processes[i % processes.length] ?? world.handler();

      const results = await Promise.all([
        via(0)(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))),
        via(1)(enrollMobile(bob.actor, bob.userId, idOf('bob:second'), phoneNumber(3))),
      ]);

      expect(results.map((result) => (result.ok ? 'ok' : result.error.code)).sort()).toEqual(['DUPLICATE', 'ok']);
      expect(typesOf(await streamOf(world.store, claimStream(3)))).toEqual(['PhoneNumberClaimed']);
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });
  });

  describe('removal releases the number', () => {
    it('given Alice removes her second phone, when Bob enrolls its number, then the removal released it and Bob gets it', async () => {
      const { world, send, alice, bob, claimStream } = await givenAliceAndBob();
      const secondId = idOf('alice:second');
      accepted(await send(enrollMobile(alice.actor, alice.userId, secondId, phoneNumber(3))));

      const removal = accepted(await send(removeDevice(alice.actor, alice.userId, secondId)));
      expect(typesOf(removal)).toEqual(['DeviceRemoved', 'PhoneNumberReleased']);
      expect(removal[1]?.data.reason).toBe('DEVICE_REMOVED');

      accepted(await send(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3))));
      expect(typesOf(await streamOf(world.store, claimStream(3)))).toEqual(['PhoneNumberClaimed', 'PhoneNumberReleased', 'PhoneNumberClaimed']);
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it("given an administrator removes Alice's only phone, when Bob enrolls its number, then he gets it", async () => {
      const { world, send, account, alice, bob } = await givenAliceAndBob();

      accepted(await send(removeDevice(adminActor(account.ownerId), alice.userId, alice.phoneId)));

      accepted(await send(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), alice.phoneNumber)));
      expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
    });

    it('given the release fails after the removal was recorded, when Bob enrolls the number, then the stale claim is taken over at once', async () => {
      const { world, alice, bob, claimStream } = await givenAliceAndBob();
      const withoutReleases = world.handler({ store: failingAppendsTo(world.store, 'PhoneNumberClaim', unavailable), claimLeaseSeconds: lease });
      const secondId = idOf('alice:second');
      accepted(await world.handler()(enrollMobile(alice.actor, alice.userId, secondId, phoneNumber(3))));
      world.clock.advance(lease + 1);

      expect(typesOf(accepted(await withoutReleases(removeDevice(alice.actor, alice.userId, secondId))))).toEqual(['DeviceRemoved']);

      const events = accepted(await world.handler({ claimLeaseSeconds: lease })(enrollMobile(bob.actor, bob.userId, idOf('bob:mobile'), phoneNumber(3))));
      expect(typesOf(events)).toEqual(['PhoneNumberReleased', 'PhoneNumberClaimed', 'DeviceEnrolled']);
      expect(events[0]?.data.reason).toBe('HOLDER_NO_LONGER_HAS_IT');
      expect(events[0]?.streamName).toBe(claimStream(3));
    });
  });
});
