import * as E from 'fp-ts/Either';
import { createCommandHandler, type AppendedEvent, type CommandHandler } from '@ssp/commands';
import type { EventStore, RecordedEvent } from '@ssp/eventstore';
import { testStore } from '@ssp/eventstore/testing';

/** A valid, readable UUID for tests: `testId(7)` → `00000000-0000-4000-8000-000000000007`. */
export const testId = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Test numbers in the 555-01xx range, E.164. */
export const phoneNumber = (n: number): string => `+1202555${(100 + n).toString().padStart(4, '0')}`;

export const ids = {
  account: testId(1),
  owner: testId(2),
  manager: testId(3),
  helpDesk: testId(4),
  application: testId(5),
  alice: testId(10),
  session: testId(11),
  firstPhone: testId(12),
  secondPhone: testId(13),
  tablet: testId(14),
  landline: testId(15),
  token: testId(16),
} as const;

export type TestHistory = Readonly<{
  store: EventStore;
  handle: CommandHandler;
  /** Runs a command and answers its events; throws with the error code when it is refused. */
  run: (type: string, actor: object, data: object) => Promise<readonly AppendedEvent[]>;
  advance: (seconds: number) => void;
  /** The stored event a command appended, as a subscriber receives it. */
  recorded: (appended: AppendedEvent) => Promise<RecordedEvent>;
}>;

/**
 * Real commands through the command handler, with a clock the test moves and ids that count
 * up, over the test store (in memory unless the test runner provides another).
 */
export const createTestHistory = (store: EventStore = testStore()): TestHistory => {
  let time = Date.parse('2026-11-28T10:00:00.000Z');
  let nextId = 900_000;
  const newId = () => testId((nextId += 1));
  const handle = createCommandHandler({ store, clock: () => new Date(time).toISOString(), newId });
  return {
    store,
    handle,
    run: async (type, actor, data) => {
      const result = await handle({ type, commandId: newId(), actor, data });
      if (!result.ok) throw new Error(`${type} refused: ${result.error.code}: ${result.error.message}`);
      return result.events;
    },
    advance: (seconds) => {
      time += seconds * 1000;
    },
    recorded: async (appended) => {
      const read = await store.readStream(appended.streamName, { fromRevision: BigInt(appended.revision), maxCount: 1 })();
      const event = E.isRight(read) ? read.right[0] : undefined;
      if (event === undefined) throw new Error(`${appended.streamName}@${appended.revision} is not in the store`);
      return event;
    },
  };
};

export const owner = { kind: 'admin', adminId: ids.owner } as const;
export const alice = { kind: 'user', userId: ids.alice, sessionId: ids.session } as const;

/**
 * Acme: an owner and an application manager, self-service on for "Intranet", and Alice in a
 * portal session with her first mobile (number 1) and a completed step-up on it.
 */
export const seedAcme = async (history: TestHistory): Promise<void> => {
  const { run } = history;
  await run('OpenAccount', { kind: 'system' }, { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner });
  await run('EnableNewEnrollment', owner, { accountId: ids.account });
  await run('AddAdministrator', owner, { accountId: ids.account, adminId: ids.manager, role: 'APPLICATION_MANAGER' });
  await run('AddAdministrator', owner, { accountId: ids.account, adminId: ids.helpDesk, role: 'HELP_DESK' });
  await run('RegisterApplication', owner, { accountId: ids.account, applicationId: ids.application, name: 'Intranet', applicationType: 'WEB_SDK' });
  await run('EnableSelfService', owner, { applicationId: ids.application });
  await run('RegisterUser', owner, { accountId: ids.account, userId: ids.alice, username: 'alice' });
  await run('StartPortalSession', { kind: 'user', userId: ids.alice }, { sessionId: ids.session, userId: ids.alice, applicationId: ids.application });
  await run('EnrollDevice', alice, { userId: ids.alice, deviceId: ids.firstPhone, kind: 'MOBILE', phoneNumber: phoneNumber(1), platform: 'IOS', name: 'First phone' });
  await stepUp(history);
};

/** A fresh step-up on Alice's first phone, for the next device changes. */
export const stepUp = async ({ run }: TestHistory): Promise<void> => {
  await run('BeginStepUp', alice, { sessionId: ids.session, deviceId: ids.firstPhone, method: 'SMS' });
  await run('CompleteStepUp', { kind: 'authenticator' }, { sessionId: ids.session });
};

export const enrollSecondPhone = (history: TestHistory) =>
  history.run('EnrollDevice', alice, { userId: ids.alice, deviceId: ids.secondPhone, kind: 'MOBILE', phoneNumber: phoneNumber(2), platform: 'ANDROID', name: 'Second phone' });

/** The one event of the given type among a command's events. */
export const eventOfType = (events: readonly AppendedEvent[], type: string): AppendedEvent => {
  const found = events.find((event) => event.type === type);
  if (found === undefined) throw new Error(`no ${type} among ${events.map((event) => event.type).join(', ')}`);
  return found;
};
