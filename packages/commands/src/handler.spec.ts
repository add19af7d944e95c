import { streams } from '@ssp/domain';
import {
  accepted,
  adminActor,
  assignHardwareToken,
  command,
  createTestWorld,
  enableSelfService,
  enrollMobile,
  historyOf,
  idOf,
  openAccount,
  phoneNumber,
  refused,
  removeDevice,
  renameDevice,
  seedAccount,
  seedPortalUser,
  streamOf,
  typesOf,
  userActor,
  withoutAppending,
} from './testing';

describe('the command handler', () => {
  describe('decoding JSON', () => {
    it.each([
      ['a string', 'OpenAccount', 'a command must be a JSON object'],
      ['an unknown type', { type: 'OpenShop', commandId: idOf('c'), actor: { kind: 'system' }, data: {} }, 'type "OpenShop" is not a command'],
      ['a missing field', command('EnableSelfService', adminActor(idOf('admin')), {}), 'data.applicationId is required'],
      ['a malformed phone number', enrollMobile(userActor(idOf('u'), idOf('s')), idOf('u'), idOf('d'), 'call me'), 'data.phoneNumber is not a valid phone number'],
      ['a field the command does not have', command('EnableSelfService', adminActor(idOf('admin')), { applicationId: idOf('a'), role: 'OWNER' }), 'data.role is not a field'],
      ['a user command outside a session', renameDevice(userActor(idOf('u')), idOf('u'), idOf('d'), 'Work'), 'actor.sessionId is required'],
      ['a commandId that is not a UUID', { ...openAccount(idOf('acme'), idOf('owner')), commandId: '42' }, 'commandId must be a UUID'],
    ])('given %s, when it is handled, then INVALID_COMMAND says which field and why, and nothing is appended', async (_case, input, message) => {
      const world = createTestWorld();
      await seedAccount(world.handler(), 'acme');

      const error = await withoutAppending(world.store, async () => refused(await world.handler()(input), 'INVALID_COMMAND'));

      expect(error.message).toContain(message);
    });
  });

  it('given an account, when a user assigns themselves a hardware token, then FORBIDDEN', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
    const byUser = { ...assignHardwareToken(alice.userId, alice.userId, idOf('token')), actor: alice.actor };

    await withoutAppending(world.store, async () => refused(await send(byUser), 'FORBIDDEN'));
  });

  it('given an administrator, when they open an account (only the system may), then FORBIDDEN', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const { ownerId } = await seedAccount(send, 'acme');

    await withoutAppending(world.store, async () =>
      refused(await send({ ...openAccount(idOf('other'), ownerId), actor: adminActor(ownerId) }), 'FORBIDDEN'),
    );
  });

  it('given a command that changes nothing (self-service already enabled), when it is handled, then ok with no events', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const { ownerId, applicationId } = await seedAccount(send, 'acme');

    expect(await withoutAppending(world.store, async () => accepted(await send(enableSelfService(ownerId, applicationId))))).toEqual([]);
  });

  it('given an accepted command, then the result lists each event with its stream, revision, type, data and metadata', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));

    const [renamed] = accepted(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')));

    expect(renamed).toMatchObject({
      streamName: streams.userDevices(alice.userId),
      revision: 2,
      type: 'DeviceRenamed',
      data: { userId: alice.userId, deviceId: alice.phoneId, name: 'Work', previousName: 'First phone' },
    });
    expect(JSON.parse(JSON.stringify(renamed))).toEqual(renamed);
  });

  it('given commands on one stream sent without waiting, when they are handled, then they are applied in arrival order', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
    const names = ['One', 'Two', 'Three', 'Four', 'Five'];

    const results = await Promise.all(names.map((name) => send(renameDevice(alice.actor, alice.userId, alice.phoneId, name))));

    results.forEach((result) => accepted(result));
    const renames = (await streamOf(world.store, streams.userDevices(alice.userId))).filter((event) => event.type === 'DeviceRenamed');
    expect(renames.map((event) => event.data.name)).toEqual(names);
  });

  it('given a handler that rejected a command by throwing, when the next command on that stream arrives, then it is still handled', async () => {
    const world = createTestWorld();
    const alice = await seedPortalUser(world.handler(), await seedAccount(world.handler(), 'acme'), 'alice', phoneNumber(1));
    const send = world.handler({
      hooks: {
        betweenClaimAndEnrollment: () => Promise.reject(new Error('crash')),
      },
    });
    const crashing = send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(2)));

    const next = send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work'));

    await expect(crashing).rejects.toThrow('crash');
    expect(typesOf(accepted(await next))).toEqual(['DeviceRenamed']);
  });

  it('given a cache of one stream per kind, when a whole scenario runs, then every decision is the same as with a full cache', async () => {
    const world = createTestWorld();
    const send = world.handler({ cacheCapacity: 1 });
    const account = await seedAccount(send, 'acme');
    const alice = await seedPortalUser(send, account, 'alice', phoneNumber(1));
    const bob = await seedPortalUser(send, account, 'bob', phoneNumber(2));

    refused(await send(enrollMobile(bob.actor, bob.userId, idOf('bob:second'), phoneNumber(1))), 'DUPLICATE');
    accepted(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))));
    accepted(await send(removeDevice(alice.actor, alice.userId, idOf('alice:second'))));
    accepted(await send(enrollMobile(bob.actor, bob.userId, idOf('bob:second'), phoneNumber(3))));
    refused(await send(removeDevice(alice.actor, alice.userId, alice.phoneId)), 'LAST_DEVICE');

    const history = await historyOf(world.store);
    expect(history.filter((event) => event.type === 'DeviceEnrolled')).toHaveLength(4);
  });
});
