import { streams } from './streams';
import {
  accepted,
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
 * A command id already recorded in the command's target stream succeeds with no events. The
 * ids are read from the stream's history, so this holds across restarts and processes.
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

  it('given an accepted command, when a command with the same id but another body is sent, then the first one stands: ok with no events', async () => {
    const { world, send, alice } = await givenAlice();
    const first = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');
    accepted(await send(first));

    const reused = { ...renameDevice(alice.actor, alice.userId, alice.phoneId, 'Home'), commandId: first.commandId };

    expect(await withoutAppending(world.store, async () => accepted(await send(reused)))).toEqual([]);
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
