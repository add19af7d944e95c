import fc from 'fast-check';
import { categoryOf } from '@ssp/eventstore';
import {
  accepted,
  createTestWorld,
  enrollTablet,
  historyOf,
  idOf,
  openAccount,
  phoneNumber,
  refused,
  registerApplication,
  registerUser,
  removeDevice,
  seedAccount,
  seedPortalUser,
  stepUp,
  withoutAppending,
} from './testing';

/** The same id as a client may type it: each hex letter in the case `upper` picks. */
const recased = (id: string, upper: readonly boolean[]): string =>
  [...id].map((char, i) => (upper[i % upper.length] === true ? char.toUpperCase() : char.toLowerCase())).join('');

const streamsOf = async (store: Parameters<typeof historyOf>[0], category: string): Promise<readonly string[]> =>
  [...new Set((await historyOf(store)).map((event) => event.streamName).filter((name) => categoryOf(name) === category))];

describe('ids are canonical: the case a client types never makes a new id', () => {
  it('given an account, when it is opened again with its id in upper case, then DUPLICATE and there is still one account stream', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const account = await seedAccount(send, 'acme');

    await withoutAppending(world.store, async () =>
      refused(await send(openAccount(account.accountId.toUpperCase(), idOf('someone else'))), 'DUPLICATE'),
    );

    expect(await streamsOf(world.store, 'Account')).toEqual([`Account-${account.accountId}`]);
  });

  it('given a user and an application, when they are registered again in upper case, in their account or another, then DUPLICATE each time', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const acme = await seedAccount(send, 'acme');
    const other = await seedAccount(send, 'other');
    const userId = idOf('alice');
    accepted(await send(registerUser(acme.ownerId, acme.accountId, userId)));

    await withoutAppending(world.store, async () => {
      refused(await send(registerUser(acme.ownerId, acme.accountId, userId.toUpperCase())), 'DUPLICATE');
      refused(await send(registerUser(other.ownerId, other.accountId, userId.toUpperCase())), 'DUPLICATE');
      refused(await send(registerApplication(other.ownerId, other.accountId, acme.applicationId.toUpperCase())), 'DUPLICATE');
    });
  });

  it('given a removed device, when its id is enrolled again in upper case, then DUPLICATE: ids are never reused', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
    const tabletId = idOf('alice:tablet');
    accepted(await send(enrollTablet(alice.actor, alice.userId, tabletId)));
    accepted(await send(removeDevice(alice.actor, alice.userId, tabletId)));

    refused(await send(enrollTablet(alice.actor, alice.userId, tabletId.toUpperCase())), 'DUPLICATE');
  });

  it('given commands whose ids arrive in upper case, when they are accepted, then their events and streams carry the ids in lower case', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const accountId = idOf('acme:account');

    const events = accepted(await send({ ...openAccount(accountId.toUpperCase(), idOf('acme:owner').toUpperCase()), commandId: idOf('c').toUpperCase() }));

    expect(events.map((event) => event.streamName)).toEqual([`Account-${accountId}`]);
    expect(events[0]?.data).toMatchObject({ accountId, ownerAdminId: idOf('acme:owner') });
    expect(events[0]?.metadata.commandId).toBe(idOf('c'));
  });

  it('property: whatever the case of each id, one account, one user, one application and one device are ever created from one id each', async () => {
    const casing = fc.array(fc.boolean(), { minLength: 1, maxLength: 36 });
    await fc.assert(
      fc.asyncProperty(fc.array(casing, { minLength: 8, maxLength: 8 }), async (cases) => {
        const pick = (i: number): readonly boolean[] => cases[i] ?? [false];
        const world = createTestWorld();
        const send = world.handler();
        const acme = await seedAccount(send, 'acme');
        const other = await seedAccount(send, 'other');
        const alice = await seedPortalUser(send, acme, 'alice', phoneNumber(1));
        const [accountId, userId, applicationId, deviceId] = [idOf('p:account'), idOf('p:user'), idOf('p:application'), idOf('p:device')];

        await send(openAccount(recased(accountId, pick(0)), acme.ownerId));
        await send(openAccount(recased(accountId, pick(1)), other.ownerId));
        await send(registerUser(acme.ownerId, acme.accountId, recased(userId, pick(2))));
        await send(registerUser(other.ownerId, other.accountId, recased(userId, pick(3))));
        await send(registerApplication(acme.ownerId, acme.accountId, recased(applicationId, pick(4))));
        await send(registerApplication(other.ownerId, other.accountId, recased(applicationId, pick(5))));
        accepted(await send(enrollTablet(alice.actor, alice.userId, recased(deviceId, pick(6)))));
        await stepUp(send, alice);
        accepted(await send(removeDevice(alice.actor, alice.userId, recased(deviceId, pick(6)))));
        refused(await send(enrollTablet(alice.actor, alice.userId, recased(deviceId, pick(7)))), 'DUPLICATE');

        const history = await historyOf(world.store);
        const created = (type: string) => history.filter((event) => event.type === type).map((event) => JSON.stringify(event.data));
        expect(created('AccountOpened').filter((data) => data.includes(accountId))).toHaveLength(1);
        expect(created('UserRegistered').filter((data) => data.includes(userId))).toHaveLength(1);
        expect(created('ApplicationRegistered').filter((data) => data.includes(applicationId))).toHaveLength(1);
        expect(created('DeviceEnrolled').filter((data) => data.includes(deviceId))).toHaveLength(1);
        expect(history.some((event) => /[A-F]/.test(event.streamName.slice(event.streamName.indexOf('-'))))).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});
