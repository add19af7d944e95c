import { streams } from '@ssp/domain';
import * as E from 'fp-ts/Either';
import type { EventStore, JsonObject } from '@ssp/eventstore';
import {
  accepted,
  failingAppendsTo,
  failingReadsOf,
  idOf,
  overriding,
  refused,
  renameDevice,
  sameCommand,
  typesOf,
  unavailable,
  withoutAppending,
  givenAlice,
} from './testing';

/** Writes an event straight into the store, past the handler: history someone else wrote. */
const writeRaw = async (store: EventStore, streamName: string, type: string, data: JsonObject, metadata: JsonObject = {}) => {
  const appended = await store.appendToStream(streamName, [{ eventId: idOf(`raw:${streamName}:${type}`), type, data, metadata }], { expectedRevision: 'ANY' })();
  if (E.isLeft(appended)) throw new Error(`the test could not write to ${streamName}`);
  return appended.right.nextExpectedRevision;
};

describe('when the store fails', () => {
  it("given the user's stream cannot be read, when a rename is handled, then STORE_UNAVAILABLE and nothing is appended", async () => {
    const { world, alice } = await givenAlice();
    const send = world.handler({ store: failingReadsOf(world.store, 'UserDevices', unavailable) });

    const error = await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STORE_UNAVAILABLE'),
    );
    expect(error.message).toContain('cannot be reached');
  });

  it('given a context stream (the session) cannot be read, when a rename is handled, then STORE_UNAVAILABLE', async () => {
    const { world, alice } = await givenAlice();
    const send = world.handler({ store: failingReadsOf(world.store, 'PortalSession', unavailable) });

    await withoutAppending(world.store, async () =>
      refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STORE_UNAVAILABLE'),
    );
  });

  it('given an append the store refuses for another reason, then STORE_FAILURE with the store\'s message, and the same command succeeds once the store is back', async () => {
    const { world, alice } = await givenAlice();
    let healthy = false;
    const flaky = overriding(world.store, {
      appendToStream: (name, events, options) =>
        healthy ? world.store.appendToStream(name, events, options) : async () => E.left({ kind: 'Failure', message: 'disk full' }),
    });
    const send = world.handler({ store: flaky });
    const rename = renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work');

    const error = refused(await send(rename), 'STORE_FAILURE');
    expect(error.message).toBe('disk full');

    healthy = true;
    expect(typesOf(accepted(await send(sameCommand(rename))))).toEqual(['DeviceRenamed']);
  });

  it('given an append that is too large for the store, then STORE_FAILURE', async () => {
    const { world, alice } = await givenAlice();
    const send = world.handler({
      store: failingAppendsTo(world.store, 'UserDevices', { kind: 'AppendTooLarge', streamName: streams.userDevices(alice.userId), message: 'append too large' }),
    });

    refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STORE_FAILURE');
  });

  it("given a stored event that does not decode, when the user's stream is loaded, then STORE_FAILURE naming the stream and the revision", async () => {
    const { world, alice } = await givenAlice();
    const userStream = streams.userDevices(alice.userId);
    const revision = await writeRaw(world.store, userStream, 'DeviceRenamed', { userId: alice.userId, name: 42 });

    const error = await withoutAppending(world.store, async () =>
      refused(await world.handler()(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STORE_FAILURE'),
    );

    expect(error.message).toContain(`${userStream}@${revision}`);
    expect(error.message).toContain('DeviceRenamed');
  });

  it('given a stored event of an unknown type in a context stream, when a handler that cached it catches up, then STORE_FAILURE naming it', async () => {
    const { world, send, account, alice } = await givenAlice();
    const accountStream = streams.account(account.accountId);
    const revision = await writeRaw(world.store, accountStream, 'AccountRenamedByAnOldVersion', { accountId: account.accountId });

    const error = refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'STORE_FAILURE');

    expect(error.message).toContain(`${accountStream}@${revision}`);
  });
});
