import { streams } from '@ssp/domain';
import {
  accepted,
  addAdministrator,
  adminActor,
  enableNewEnrollment,
  enableSelfService,
  seedAccount,
  seedPortalUser,
  beginStepUp,
  changeEdition,
  command,
  disableSelfService,
  enrollMobile,
  idOf,
  phoneNumber,
  refused,
  renameDevice,
  sameCommand,
  startPortalSession,
  streamOf,
  stepUp,
  typesOf,
  userActor,
  withIoLatency,
  withoutAppending,
  givenAlice,
} from './testing';

/**
 * The same command (same type, actor and data: the same digest) under a command id already
 * recorded in its target stream succeeds with no events. The ids and digests are read from the
 * stream's history, so this holds across restarts and processes. Another command under a
 * known id is IDEMPOTENCY_KEY_REUSED, but only for an actor the rules accept.
 */
describe('idempotency from stored command ids', () => {
  it('given an accepted enrollment, when the same command is sent again, then ok with no events and nothing appended (no second claim either)', async () => {
    const { world, send, alice } = await givenAlice();
    const enrollment = enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3));
    expect(typesOf(accepted(await send(enrollment)))).toEqual(['PhoneNumberClaimed', 'DeviceEnrolled']);

    const events = await withoutAppending(world.store, async () => accepted(await send(sameCommand(enrollment))));

    expect(events).toEqual([]);
  });

  it('given an accepted command, when the same command reaches a new handler over the same store (a restart), then ok with no events', async () => {
    const { world, send, account, alice } = await givenAlice();
    const sent = [
      changeEdition(account.ownerId, account.accountId, 'BEYOND'),
      renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work'),
      beginStepUp(alice.userId, alice.sessionId, alice.phoneId, 'CALL'),
      disableSelfService(account.ownerId, account.applicationId),
    ];
    for (const each of sent) accepted(await send(each));
    const restarted = world.handler();

    await withoutAppending(world.store, async () => {
      for (const each of sent) expect(accepted(await restarted(sameCommand(each)))).toEqual([]);
    });
  });

  it('given an accepted command, when a command with the same id but another body is sent by the same user, then IDEMPOTENCY_KEY_REUSED and the first one stands', async () => {
    const { world, send, alice } = await givenAlice();
    const first = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');
    accepted(await send(first));

    const reused = { ...renameDevice(alice.actor, alice.userId, alice.phoneId, 'Home'), commandId: first.commandId };

    const error = await withoutAppending(world.store, async () => refused(await send(reused), 'IDEMPOTENCY_KEY_REUSED'));
    expect(error.message).toContain(String(first.commandId));
  });

  it('given an accepted command, when the same body under the same id comes from another administrator, then IDEMPOTENCY_KEY_REUSED: a retry is the same command from the same actor', async () => {
    const { world, send, account } = await givenAlice();
    const secondOwner = idOf('acme:second-owner');
    accepted(await send(addAdministrator(account.ownerId, account.accountId, secondOwner, 'OWNER')));
    const first = changeEdition(account.ownerId, account.accountId, 'BEYOND');
    accepted(await send(first));

    const byAnother = { ...first, actor: adminActor(secondOwner) };

    await withoutAppending(world.store, async () => refused(await send(byAnother), 'IDEMPOTENCY_KEY_REUSED'));
  });

  it('given an accepted command, when the same command is sent again with its ids in upper case and its name padded, then it is still a retry: ok with no events', async () => {
    const { world, send, alice } = await givenAlice();
    const first = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');
    accepted(await send(first));

    const retyped = { ...renameDevice(alice.actor, alice.userId.toUpperCase(), alice.phoneId.toUpperCase(), '  Work '), commandId: String(first.commandId).toUpperCase() };

    expect(await withoutAppending(world.store, async () => accepted(await send(retyped)))).toEqual([]);
  });

  describe('a known id never answers for an actor the rules would refuse', () => {
    it('given an id used on the account, when an administrator of another account sends another command under it, then NOT_FOUND, as for an id never used', async () => {
      const { world, send, account } = await givenAlice();
      const first = enableNewEnrollment(account.ownerId, account.accountId);
      accepted(await send(first));
      const stranger = await seedAccount(send, 'stranger');

      const underKnownId = { ...changeEdition(stranger.ownerId, account.accountId, 'PERSONAL'), commandId: first.commandId };
      const underNewId = changeEdition(stranger.ownerId, account.accountId, 'PERSONAL');

      await withoutAppending(world.store, async () => {
        expect(refused(await send(underKnownId), 'NOT_FOUND')).toEqual(refused(await send(underNewId), 'NOT_FOUND'));
      });
    });

    it('given an id used on an application, when a READ_ONLY administrator of its account sends another command under it, then ROLE_NOT_PERMITTED, as for an id never used', async () => {
      const { world, send, account } = await givenAlice();
      const readOnly = idOf('acme:read-only');
      accepted(await send(addAdministrator(account.ownerId, account.accountId, readOnly, 'READ_ONLY')));
      const first = disableSelfService(account.ownerId, account.applicationId);
      accepted(await send(first));

      const underKnownId = { ...enableSelfService(readOnly, account.applicationId), commandId: first.commandId };

      await withoutAppending(world.store, async () => refused(await send(underKnownId), 'ROLE_NOT_PERMITTED'));
    });

    it("given an id used on Alice's devices, when Bob in his own session sends a command on her devices under it, then SESSION_MISMATCH, as for an id never used", async () => {
      const { world, send, account, alice } = await givenAlice();
      const bob = await seedPortalUser(send, account, 'bob', phoneNumber(2));
      const first = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');
      accepted(await send(first));

      const underKnownId = { ...renameDevice(bob.actor, alice.userId, alice.phoneId, 'Mine now'), commandId: first.commandId };

      await withoutAppending(world.store, async () => refused(await send(underKnownId), 'SESSION_MISMATCH'));
    });
  });

  it('given a command that was refused, when it is sent again once it is allowed, then it is handled: refusals are not recorded', async () => {
    const { world, send, account, alice } = await givenAlice();
    const sessionId = idOf('alice:later-session');
    accepted(await send(startPortalSession(alice.userId, sessionId, account.applicationId)));
    const rename = renameDevice(userActor(alice.userId, sessionId), alice.userId, alice.phoneId, 'Work');
    refused(await send(rename), 'STEP_UP_REQUIRED');

    await stepUp(send, { userId: alice.userId, sessionId, phoneId: alice.phoneId });

    expect(typesOf(accepted(await world.handler()(sameCommand(rename))))).toEqual(['DeviceRenamed']);
  });

  it('given a command id recorded in one stream, when it is reused for a command on another stream, then that command is handled: idempotency is per target stream', async () => {
    const { send, account, alice } = await givenAlice();
    const rename = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');
    accepted(await send(rename));

    const onTheAccount = command('ChangeEdition', { kind: 'admin', adminId: account.ownerId }, { accountId: account.accountId, edition: 'BEYOND' }, String(rename.commandId));

    expect(typesOf(accepted(await send(onTheAccount)))).toEqual(['EditionChanged']);
  });

  it('given the same enrollment sent to two processes at once, then both answer ok and the device and its claim are appended once', async () => {
    const { world, alice } = await givenAlice();
    const slow = withIoLatency(world.store);
    const enrollment = enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3));

    const results = await Promise.all([world.handler({ store: slow.store })(enrollment), world.handler({ store: slow.store })(sameCommand(enrollment))]);

    const appended = results.flatMap((result) => accepted(result));
    expect(typesOf(appended)).toEqual(['PhoneNumberClaimed', 'DeviceEnrolled']);
    expect(slow.conflicts()).toBeGreaterThan(0);
    const enrolled = (await streamOf(world.store, streams.userDevices(alice.userId))).filter((event) => event.type === 'DeviceEnrolled');
    expect(enrolled).toHaveLength(2);
    const claim = await streamOf(world.store, streams.phoneNumberClaim(alice.account.accountId, phoneNumber(3)));
    expect(typesOf(claim)).toEqual(['PhoneNumberClaimed']);
  });
});
