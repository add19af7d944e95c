import * as E from 'fp-ts/Either';
import { EventMetadata, schemaVersionOf, streams } from '@ssp/domain';
import { hashEvent, type RecordedEvent } from '@ssp/eventstore';
import {
  accepted,
  addAdministrator,
  assignHardwareToken,
  beginStepUp,
  changeAdministratorRole,
  completeStepUp,
  createTestWorld,
  enrollMobile,
  historyOf,
  idOf,
  phoneNumber,
  registerUser,
  removeDevice,
  renameDevice,
  seedAccount,
  seedPortalUser,
  streamOf,
} from './testing';

/** A world with some of everything: admin, user, authenticator and system actors, claims and releases. */
const givenABusyHistory = async () => {
  const world = createTestWorld();
  const send = world.handler();
  const account = await seedAccount(send, 'acme');
  const alice = await seedPortalUser(send, account, 'alice', phoneNumber(1));
  world.clock.advance(90);
  accepted(await send(assignHardwareToken(account.ownerId, alice.userId, idOf('alice:token'))));
  accepted(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(2))));
  accepted(await send(renameDevice(alice.actor, alice.userId, idOf('alice:second'), 'Work')));
  accepted(await send(removeDevice(alice.actor, alice.userId, idOf('alice:second'))));
  return { world, send, account, alice };
};

const byStream = (history: readonly RecordedEvent[]): ReadonlyMap<string, readonly RecordedEvent[]> => {
  const grouped = new Map<string, RecordedEvent[]>();
  for (const event of history) grouped.set(event.streamName, [...(grouped.get(event.streamName) ?? []), event]);
  return grouped;
};

describe('metadata of every appended event', () => {
  it('given a busy history, then every stored event carries the contract metadata, its type\'s schema version and a time from the clock', async () => {
    const { world } = await givenABusyHistory();
    const history = await historyOf(world.store);

    expect(history.length).toBeGreaterThan(15);
    for (const event of history) {
      const decoded = EventMetadata.decode(event.metadata);
      expect(E.isRight(decoded) ? [] : [`${event.type} at ${event.streamName}@${event.revision}`]).toEqual([]);
      expect(event.metadata.eventId).toBe(event.eventId);
      expect(event.metadata.schemaVersion).toBe(schemaVersionOf(event.type));
      expect(['2026-11-28T10:00:00.000Z', '2026-11-28T10:01:30.000Z']).toContain(event.metadata.occurredAt);
    }
    expect(new Set(history.map((event) => event.eventId)).size).toBe(history.length);
  });

  it('given an accepted command, then the events it returns are the ones stored, with the command id as correlation and causation', async () => {
    const { world, send, alice } = await givenABusyHistory();
    const rename = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Home');

    const [event] = accepted(await send(rename));

    const stored = (await streamOf(world.store, streams.userDevices(alice.userId))).at(-1);
    expect(event).toEqual({ streamName: stored?.streamName, revision: Number(stored?.revision), type: stored?.type, data: stored?.data, metadata: stored?.metadata });
    expect(event?.metadata).toMatchObject({ commandId: rename.commandId, correlationId: rename.commandId, causationId: rename.commandId });
  });

  it("given an administrator whose role changes, then each event records the role held at that moment, and older events keep theirs", async () => {
    const world = createTestWorld();
    const send = world.handler();
    const account = await seedAccount(send, 'acme');
    const staffId = idOf('acme:staff');
    accepted(await send(addAdministrator(account.ownerId, account.accountId, staffId, 'USER_MANAGER')));

    const [asUserManager] = accepted(await send(registerUser(staffId, account.accountId, idOf('user-1'), 'one')));
    accepted(await send(changeAdministratorRole(account.ownerId, account.accountId, staffId, 'ADMINISTRATOR')));
    const [asAdministrator] = accepted(await send(registerUser(staffId, account.accountId, idOf('user-2'), 'two')));

    expect(asUserManager?.metadata.actor).toEqual({ kind: 'admin', adminId: staffId, role: 'USER_MANAGER' });
    expect(asAdministrator?.metadata.actor).toEqual({ kind: 'admin', adminId: staffId, role: 'ADMINISTRATOR' });
    const stored = await streamOf(world.store, streams.userDevices(idOf('user-1')));
    expect(stored[0]?.metadata.actor).toEqual({ kind: 'admin', adminId: staffId, role: 'USER_MANAGER' });
  });

  it("given a user's device change, then the event and its number's claim record the session and the step-up that authorised it", async () => {
    const world = createTestWorld();
    const send = world.handler();
    const account = await seedAccount(send, 'acme');
    const alice = await seedPortalUser(send, account, 'alice', phoneNumber(1));
    world.clock.advance(60);
    accepted(await send(beginStepUp(alice.userId, alice.sessionId, alice.phoneId, 'CALL')));
    accepted(await send(completeStepUp(alice.sessionId)));
    world.clock.advance(120);

    const events = accepted(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(2))));

    const expectedActor = {
      kind: 'user',
      userId: alice.userId,
      sessionId: alice.sessionId,
      stepUp: { deviceId: alice.phoneId, method: 'CALL', completedAt: '2026-11-28T10:01:00.000Z' },
    };
    expect(events.map((event) => [event.type, event.metadata.actor, event.metadata.occurredAt])).toEqual([
      ['PhoneNumberClaimed', expectedActor, '2026-11-28T10:03:00.000Z'],
      ['DeviceEnrolled', expectedActor, '2026-11-28T10:03:00.000Z'],
    ]);
  });

  it('given the authenticator and the system acting, then their events record them as such', async () => {
    const { world, account } = await givenABusyHistory();
    const history = await historyOf(world.store);

    const actorOf = (type: string) => history.find((event) => event.type === type)?.metadata.actor;
    expect(actorOf('StepUpCompleted')).toEqual({ kind: 'authenticator' });
    expect(actorOf('AccountOpened')).toEqual({ kind: 'system' });
    expect(actorOf('HardwareTokenAssigned')).toEqual({ kind: 'admin', adminId: account.ownerId, role: 'OWNER' });
  });
});

describe('the hash chain', () => {
  it('given a busy history, then in every stream each event hashes to its stored hash and names the previous event\'s hash', async () => {
    const { world } = await givenABusyHistory();

    const streamsSeen = byStream(await historyOf(world.store));

    expect(streamsSeen.size).toBeGreaterThan(4);
    for (const [, events] of streamsSeen) {
      events.forEach((event, i) => {
        expect(hashEvent(event.type, event.data, event.metadata)).toBe(event.metadata.hash);
        expect(event.metadata.previousHash).toBe(i === 0 ? undefined : events[i - 1]?.metadata.hash);
      });
    }
  });

  it('given a new handler (a restart), when it appends to an existing stream, then the chain continues from the stored last hash', async () => {
    const { world, alice } = await givenABusyHistory();
    const before = await streamOf(world.store, streams.userDevices(alice.userId));

    const [event] = accepted(await world.handler()(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Home')));

    expect(event?.metadata.previousHash).toBe(before.at(-1)?.metadata.hash);
    expect(event && hashEvent(event.type, event.data, event.metadata)).toBe(event?.metadata.hash);
  });

  it('given a stored event, when its data or metadata is altered, then its hash no longer matches', async () => {
    const { world, alice } = await givenABusyHistory();
    const [enrolled] = (await streamOf(world.store, streams.userDevices(alice.userId))).filter((event) => event.type === 'DeviceEnrolled');
    if (enrolled === undefined) throw new Error('the history has an enrollment');

    const renamed = { ...enrolled.data, name: 'Forged' };
    const backdated = { ...enrolled.metadata, occurredAt: '2020-01-01T00:00:00.000Z' };

    expect(hashEvent(enrolled.type, enrolled.data, enrolled.metadata)).toBe(enrolled.metadata.hash);
    expect(hashEvent(enrolled.type, renamed, enrolled.metadata)).not.toBe(enrolled.metadata.hash);
    expect(hashEvent(enrolled.type, enrolled.data, backdated)).not.toBe(enrolled.metadata.hash);
    expect(hashEvent('DeviceRemoved', enrolled.data, enrolled.metadata)).not.toBe(enrolled.metadata.hash);
  });
});
