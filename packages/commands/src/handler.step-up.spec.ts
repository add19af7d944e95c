import {
  accepted,
  beginStepUp,
  command,
  completeStepUp,
  createTestClock,
  createTestWorld,
  endPortalSession,
  enrollMobile,
  enrollTablet,
  failStepUp,
  idOf,
  phoneNumber,
  refused,
  renameDevice,
  seedAccount,
  seedPortalUser,
  seedUserWithoutDevice,
  startPortalSession,
  stepUp,
  userActor,
  withoutAppending,
  givenAlice,
} from './testing';

/**
 * The rule that protects the portal, judged from the session's history: a completed, fresh
 * step-up in a live session of the user whose devices change. The first-device exemption is
 * the only way around it.
 */
describe('step-up and sessions, read from the session stream', () => {
  it('given the authenticator runs in a process whose clock is 30 s ahead, when the portal (behind) decides a change before the step-up\'s recorded completion, then STEP_UP_REQUIRED: never what the audit would flag STEP_UP_AFTER_CHANGE', async () => {
    const { world, send, account, alice } = await givenAlice();
    const sessionId = idOf('alice:skewed-session');
    accepted(await send(startPortalSession(alice.userId, sessionId, account.applicationId)));
    accepted(await send(beginStepUp(alice.userId, sessionId, alice.phoneId, 'SMS')));
    const aheadClock = createTestClock(new Date(Date.parse(world.clock.now()) + 30_000).toISOString());
    accepted(await world.handler({ clock: aheadClock.now })(completeStepUp(sessionId)));

    const error = await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(userActor(alice.userId, sessionId), alice.userId, alice.phoneId, 'Work')), 'STEP_UP_REQUIRED'),
    );
    expect(error.message).toContain('clocks');

    world.clock.advance(30);
    accepted(await send(renameDevice(userActor(alice.userId, sessionId), alice.userId, alice.phoneId, 'Work')));
  });

  it('given a step-up begun but never completed (the 2017 flaw), when the user renames a device, then STEP_UP_REQUIRED and nothing is appended', async () => {
    const { world, send, account, alice } = await givenAlice();
    const sessionId = idOf('alice:fresh-session');
    accepted(await send(startPortalSession(alice.userId, sessionId, account.applicationId)));
    accepted(await send(beginStepUp(alice.userId, sessionId, alice.phoneId, 'SMS')));

    await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(userActor(alice.userId, sessionId), alice.userId, alice.phoneId, 'Work')), 'STEP_UP_REQUIRED'),
    );
  });

  it('given a step-up the authenticator failed, when the user renames a device, then STEP_UP_REQUIRED', async () => {
    const { world, send, account, alice } = await givenAlice();
    const sessionId = idOf('alice:fresh-session');
    accepted(await send(startPortalSession(alice.userId, sessionId, account.applicationId)));
    accepted(await send(beginStepUp(alice.userId, sessionId, alice.phoneId, 'SMS')));
    accepted(await send(failStepUp(sessionId)));

    await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(userActor(alice.userId, sessionId), alice.userId, alice.phoneId, 'Work')), 'STEP_UP_REQUIRED'),
    );
  });

  it('given a begun step-up, when the user (not the authenticator) declares it completed, then FORBIDDEN', async () => {
    const { world, send, account, alice } = await givenAlice();
    const sessionId = idOf('alice:fresh-session');
    accepted(await send(startPortalSession(alice.userId, sessionId, account.applicationId)));
    accepted(await send(beginStepUp(alice.userId, sessionId, alice.phoneId, 'SMS')));

    await withoutAppending(world.store, async () =>
      refused(await send(command('CompleteStepUp', userActor(alice.userId, sessionId), { sessionId })), 'FORBIDDEN'),
    );
  });

  it('given a step-up completed exactly 5 minutes ago, when the user renames a device, then it is accepted', async () => {
    const { world, send, alice } = await givenAlice();
    world.clock.advance(300);

    accepted(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')));
  });

  it('given a step-up completed 5 minutes and 1 second ago, when the user renames a device, then STEP_UP_EXPIRED; a new step-up authorises it again', async () => {
    const { world, send, alice } = await givenAlice();
    world.clock.advance(301);

    const error = await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STEP_UP_EXPIRED'),
    );
    expect(error.message).toContain('301 s old');

    await stepUp(send, alice);
    accepted(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')));
  });

  it('given a fresh step-up in a session older than 15 minutes, when the user renames a device, then STEP_UP_EXPIRED', async () => {
    const { world, send, alice } = await givenAlice();
    world.clock.advance(12 * 60);
    await stepUp(send, alice);
    world.clock.advance(3 * 60 + 1);

    const error = await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STEP_UP_EXPIRED'),
    );
    expect(error.message).toContain('session expired');
  });

  it('given a session the user ended, when the user renames a device with its fresh step-up, then STEP_UP_EXPIRED', async () => {
    const { world, send, alice } = await givenAlice();
    accepted(await send(endPortalSession(alice.userId, alice.sessionId)));

    const error = await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STEP_UP_EXPIRED'),
    );
    expect(error.message).toContain('ended');
  });

  describe("someone else's session grants nothing", () => {
    it("given Bob presenting Alice's stepped-up session as his own, when he renames his own device, then SESSION_MISMATCH", async () => {
      const { world, send, account, alice } = await givenAlice();
      const bob = await seedPortalUser(send, account, 'bob', phoneNumber(2));

      await withoutAppending(world.store, async () =>
        refused(await send(renameDevice(userActor(bob.userId, alice.sessionId), bob.userId, bob.phoneId, 'Mine')), 'SESSION_MISMATCH'),
      );
    });

    it("given Bob in his own stepped-up session, when he renames Alice's device, then SESSION_MISMATCH", async () => {
      const { world, send, account, alice } = await givenAlice();
      const bob = await seedPortalUser(send, account, 'bob', phoneNumber(2));

      await withoutAppending(world.store, async () =>
        refused(await send(renameDevice(bob.actor, alice.userId, alice.phoneId, 'Stolen')), 'SESSION_MISMATCH'),
      );
    });

    it("given Bob, when he begins a step-up in Alice's session, then SESSION_MISMATCH", async () => {
      const { world, send, account, alice } = await givenAlice();
      const bob = await seedPortalUser(send, account, 'bob', phoneNumber(2));

      await withoutAppending(world.store, async () =>
        refused(await send(beginStepUp(bob.userId, alice.sessionId, bob.phoneId)), 'SESSION_MISMATCH'),
      );
    });
  });

  describe('the first device', () => {
    it('given a user with no device and primary authentication alone, when they enroll a phone, then it is accepted and recorded as a first device', async () => {
      const world = createTestWorld();
      const send = world.handler();
      const account = await seedAccount(send, 'acme');
      const carol = await seedUserWithoutDevice(send, account, 'carol');

      const events = accepted(await send(enrollTablet(carol.actor, carol.userId, idOf('carol:tablet'))));

      expect(events.map((event) => event.type)).toEqual(['DeviceEnrolled']);
      expect(events[0]?.metadata.actor).toEqual({ kind: 'user', userId: carol.userId, sessionId: carol.sessionId, firstDevice: true });
    });

    it('given a user whose first device is enrolled, when they enroll a second one without stepping up, then STEP_UP_REQUIRED', async () => {
      const world = createTestWorld();
      const send = world.handler();
      const account = await seedAccount(send, 'acme');
      const carol = await seedUserWithoutDevice(send, account, 'carol');
      accepted(await send(enrollTablet(carol.actor, carol.userId, idOf('carol:tablet'))));

      await withoutAppending(world.store, async () =>
        refused(await send(enrollMobile(carol.actor, carol.userId, idOf('carol:mobile'), phoneNumber(3))), 'STEP_UP_REQUIRED'),
      );
    });

    it('given a user with no device, when they enroll one through another user\'s session, then SESSION_MISMATCH', async () => {
      const { world, send, account, alice } = await givenAlice();
      const carol = await seedUserWithoutDevice(send, account, 'carol');

      await withoutAppending(world.store, async () =>
        refused(await send(enrollTablet(userActor(carol.userId, alice.sessionId), carol.userId, idOf('carol:tablet'))), 'SESSION_MISMATCH'),
      );
    });
  });

  it('given a completed step-up, when the authenticator completes it again with a new command, then STEP_UP_REQUIRED: nothing is pending', async () => {
    const { world, send, alice } = await givenAlice();

    await withoutAppending(world.store, async () => refused(await send(completeStepUp(alice.sessionId)), 'STEP_UP_REQUIRED'));
  });
});
