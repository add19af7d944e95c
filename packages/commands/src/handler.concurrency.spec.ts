import { streams } from '@ssp/domain';
import type { CommandHandler, CommandHandlerOptions } from './handler';
import type { CommandResult } from './result';
import { defaultRetryPolicy } from './retry';
import {
  accepted,
  alwaysConflicting,
  createTestWorld,
  createVirtualTimer,
  enrollMobile,
  enrollTablet,
  idOf,
  interleavingBeforeFirstAppend,
  phoneNumber,
  phonesWithoutTheirClaim,
  refused,
  renameDevice,
  seedAccount,
  seedPortalUser,
  streamOf,
  typesOf,
  withIoLatency,
  withoutAppending,
  type CommandJson,
  type PortalUser,
  type TestWorld,
} from './testing';

/** Nine enrollments (up to the ten-phone limit) and 41 renames of the first phone, interleaved. */
const fiftyCommandsOn = (alice: PortalUser): readonly CommandJson[] => {
  const enrollments = Array.from({ length: 9 }, (_, i) => enrollMobile(alice.actor, alice.userId, idOf(`alice:phone-${i}`), phoneNumber(10 + i), `Phone ${i}`));
  const renames = Array.from({ length: 41 }, (_, i) => renameDevice(alice.actor, alice.userId, alice.phoneId, `Name ${i}`));
  return [...renames.slice(0, 20), ...enrollments, ...renames.slice(20)].sort((a, b) => String(a.commandId).localeCompare(String(b.commandId)));
};

/** What the user's stream must show when none of the fifty commands was lost. */
const expectEveryChangeVisible = async (world: TestWorld, alice: PortalUser, sent: readonly CommandJson[], results: readonly CommandResult[]) => {
  results.forEach((result) => accepted(result));
  const history = await streamOf(world.store, streams.userDevices(alice.userId));
  const bySentCommands = history.filter((event) => sent.some((command) => command.commandId === event.metadata.commandId));

  expect(bySentCommands.map((event) => event.metadata.commandId).sort()).toEqual(sent.map((command) => String(command.commandId)).sort());
  expect(typesOf(bySentCommands).filter((type) => type === 'DeviceEnrolled')).toHaveLength(9);
  expect(typesOf(bySentCommands).filter((type) => type === 'DeviceRenamed')).toHaveLength(41);
  expect(history.map((event) => event.revision)).toEqual(history.map((_, i) => BigInt(i)));
  const lastRename = bySentCommands.filter((event) => event.type === 'DeviceRenamed').at(-1);
  expect(lastRename?.data.name).toMatch(/^Name \d+$/);
  expect(await phonesWithoutTheirClaim(world.store)).toEqual([]);
  // A restarted handler folds the same state: renaming to the last name changes nothing.
  const lastName = String(lastRename?.data.name);
  expect(accepted(await world.handler()(renameDevice(alice.actor, alice.userId, alice.phoneId, lastName)))).toEqual([]);
};

/** The phone limit holds afterwards, which it could not if an enrollment had been lost or doubled. */
const expectTenPhones = async (send: CommandHandler, alice: PortalUser) => {
  refused(await send(enrollTablet(alice.actor, alice.userId, idOf('alice:eleventh'))), 'DEVICE_LIMIT_REACHED');
};

describe('concurrent commands on one stream', () => {
  it('given one handler, when 50 commands on one user arrive at once, then every one is accepted and every change is in the stream', async () => {
    const world = createTestWorld();
    const send = world.handler();
    const alice = await seedPortalUser(send, await seedAccount(send, 'acme'), 'alice', phoneNumber(1));
    const sent = fiftyCommandsOn(alice);

    const results = await Promise.all(sent.map((command) => send(command)));

    await expectEveryChangeVisible(world, alice, sent, results);
    await expectTenPhones(send, alice);
  });

  // Why this cannot fail by chance: a conflict means another command's append succeeded after
  // our read, so one command meets at most 49 conflicts here (one per other command), and 49
  // pauses of at most `maxPauseMs` fit in the budget. Each process has a virtual timer, so the
  // budget counts pauses only, however slow the machine or the store.
  it.each([2, 5])('given %i handlers over one store (like processes), when they race 50 commands on one user, then conflicts are retried and no update is lost', async (count) => {
    const world = createTestWorld();
    const seeding = world.handler();
    const alice = await seedPortalUser(seeding, await seedAccount(seeding, 'acme'), 'alice', phoneNumber(1));
    const slowStore = withIoLatency(world.store);
    const processes = Array.from({ length: count }, () => world.handler({ store: slowStore.store, timer: createVirtualTimer() }));
    const sent = fiftyCommandsOn(alice);
    expect((sent.length - 1) * defaultRetryPolicy.maxPauseMs).toBeLessThan(defaultRetryPolicy.budgetMs);

    const results = await Promise.all(sent.map((command, i) => processes[i % processes.length]?.(command) ?? Promise.reject(new Error('no process'))));

    expect(slowStore.conflicts()).toBeGreaterThan(0);
    await expectEveryChangeVisible(world, alice, sent, results);
    await expectTenPhones(world.handler(), alice);
  });

  /**
   * Alice with a phone and a tablet, and a handler whose first append to her stream is
   * preceded by another process renaming her phone to `theirName`.
   */
  const givenARaceOnAlice = async (theirName: string, options: Partial<CommandHandlerOptions> = {}) => {
    const world = createTestWorld();
    const seeding = world.handler();
    const alice = await seedPortalUser(seeding, await seedAccount(seeding, 'acme'), 'alice', phoneNumber(1));
    const tabletId = idOf('alice:tablet');
    accepted(await seeding(enrollTablet(alice.actor, alice.userId, tabletId, 'Tablet')));
    const other = world.handler();
    const racing = world.handler({
      random: () => 0,
      ...options,
      store: interleavingBeforeFirstAppend(world.store, streams.userDevices(alice.userId), async () => {
        accepted(await other(renameDevice(alice.actor, alice.userId, alice.phoneId, theirName)));
      }),
    });
    const renamesKept = async () =>
      (await streamOf(world.store, streams.userDevices(alice.userId))).filter((event) => event.type === 'DeviceRenamed').map((event) => event.data.name);
    return { alice, tabletId, racing, renamesKept };
  };

  it('given another process renames one device between our read and our append, when our rename of another device is retried, then both renames are kept', async () => {
    const { alice, tabletId, racing, renamesKept } = await givenARaceOnAlice('Phone (renamed elsewhere)');

    accepted(await racing(renameDevice(alice.actor, alice.userId, tabletId, 'Tablet (renamed here)')));

    expect(await renamesKept()).toEqual(['Phone (renamed elsewhere)', 'Tablet (renamed here)']);
  });

  it('given another process takes a name between our read and our append, when our command is decided again, then it is refused on the fresh state', async () => {
    const { alice, tabletId, racing } = await givenARaceOnAlice('Work');

    refused(await racing(renameDevice(alice.actor, alice.userId, tabletId, 'Work')), 'DUPLICATE');
  });

  it('given only one attempt allowed, when another process appends between our read and our append, then CONCURRENCY_CONFLICT and only theirs is kept', async () => {
    const { alice, racing, renamesKept } = await givenARaceOnAlice('Theirs', { retry: { maxAttempts: 1 } });

    refused(await racing(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Ours')), 'CONCURRENCY_CONFLICT');

    expect(await renamesKept()).toEqual(['Theirs']);
  });

  describe('a stream that keeps changing through every retry', () => {
    it('given every append meets a conflict, when a rename is handled, then CONCURRENCY_CONFLICT once the retry budget is spent and nothing is appended', async () => {
      const world = createTestWorld();
      const seeding = world.handler();
      const alice = await seedPortalUser(seeding, await seedAccount(seeding, 'acme'), 'alice', phoneNumber(1));
      const conflicting = alwaysConflicting(world.store);
      const timer = createVirtualTimer();
      const send = world.handler({ store: conflicting.store, timer, random: () => 1 });

      const error = await withoutAppending(world.store, async () =>
        refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'CONCURRENCY_CONFLICT'),
      );

      // Pauses of 4, 8, 16, 32, then 50 ms each: the budget of 5 s allows 102 of them.
      expect(timer.paused()).toBeLessThanOrEqual(defaultRetryPolicy.budgetMs);
      expect(timer.paused()).toBeGreaterThan(defaultRetryPolicy.budgetMs - defaultRetryPolicy.maxPauseMs);
      expect(conflicting.appendAttempts()).toBe(103);
      expect(error.message).toContain('103 attempts');
    });

    it('given every append meets a conflict and a cap of 4 attempts, when a rename is handled, then CONCURRENCY_CONFLICT after the fourth', async () => {
      const world = createTestWorld();
      const seeding = world.handler();
      const alice = await seedPortalUser(seeding, await seedAccount(seeding, 'acme'), 'alice', phoneNumber(1));
      const conflicting = alwaysConflicting(world.store);
      const send = world.handler({ store: conflicting.store, retry: { maxAttempts: 4 }, timer: createVirtualTimer() });

      refused(await send(renameDevice(alice.actor, alice.userId, alice.phoneId, 'Work')), 'CONCURRENCY_CONFLICT');

      expect(conflicting.appendAttempts()).toBe(4);
    });

    it('given every append meets a conflict, when an enrollment with a number is handled, then CONCURRENCY_CONFLICT and neither claim nor device is appended', async () => {
      const world = createTestWorld();
      const seeding = world.handler();
      const alice = await seedPortalUser(seeding, await seedAccount(seeding, 'acme'), 'alice', phoneNumber(1));
      const send = world.handler({ store: alwaysConflicting(world.store).store, timer: createVirtualTimer() });

      await withoutAppending(world.store, async () =>
        refused(await send(enrollMobile(alice.actor, alice.userId, idOf('alice:second'), phoneNumber(3))), 'CONCURRENCY_CONFLICT'),
      );
    });
  });
});
