import * as E from 'fp-ts/Either';
import { createCommandHandler, type CommandHandler } from '@ssp/commands';
import { createInMemoryEventStore, pagesAfter, type EventStore, type JsonObject } from '@ssp/eventstore';
import { benchClock } from './clock';
import { idOf } from './ids';
import { benchAccount, benchUser, userNumber, type BenchAccount, type BenchUser } from './users';

/** An event as stored, without the store's positions: what a seed file holds and what is copied into each store. */
export type SeedEvent = Readonly<{ streamName: string; eventId: string; type: string; data: JsonObject; metadata: JsonObject }>;

/** A history written by our handler before timing, with the account and users it set up. */
export type Seed = Readonly<{ label: string; userCount: number; events: readonly SeedEvent[] }>;

/** Who a seed (or a history grown from one) set up: users are named by the seed's label and their index. */
export type Cast = Pick<Seed, 'label' | 'userCount'>;

export const accountOf = (seed: Cast): BenchAccount => benchAccount(seed.label);
export const usersOf = (seed: Cast): BenchUser[] => Array.from({ length: seed.userCount }, (_, index) => benchUser(seed.label, index));

/** Sends a setup command; the setup must be accepted whole, or the workload would measure refusals. */
const sendAccepted = async (send: CommandHandler, command: JsonObject): Promise<void> => {
  const result = await send(command);
  if (!result.ok) throw new Error(`the setup command ${String(command.type)} was refused: ${result.error.code} ${result.error.message}`);
};

const admin = (account: BenchAccount) => ({ kind: 'admin', adminId: account.ownerId });
const setupCommand = (label: string, type: string, actor: JsonObject, data: JsonObject): JsonObject => ({ type, commandId: idOf(`setup:${label}`), actor, data });

const setUpAccount = async (send: CommandHandler, label: string, account: BenchAccount): Promise<void> => {
  const { accountId, ownerId, applicationId } = account;
  await sendAccepted(send, setupCommand(`${label}:open`, 'OpenAccount', { kind: 'system' }, { accountId, name: 'Bench Corp', edition: 'ENTERPRISE', ownerAdminId: ownerId }));
  await sendAccepted(send, setupCommand(`${label}:enrollment`, 'EnableNewEnrollment', admin(account), { accountId }));
  await sendAccepted(send, setupCommand(`${label}:application`, 'RegisterApplication', admin(account), { accountId, applicationId, name: 'Intranet', applicationType: 'WEB_SDK' }));
  await sendAccepted(send, setupCommand(`${label}:self-service`, 'EnableSelfService', admin(account), { applicationId }));
};

/** Registered, in a live portal session, the first phone enrolled by primary authentication, then a completed SMS step-up on it. */
const setUpUser = async (send: CommandHandler, account: BenchAccount, user: BenchUser): Promise<void> => {
  const { userId, sessionId, firstPhoneId: deviceId } = user;
  const label = `${account.accountId}:${user.index}`;
  await sendAccepted(send, setupCommand(`${label}:register`, 'RegisterUser', admin(account), { accountId: account.accountId, userId, username: `user${user.index}` }));
  await sendAccepted(send, setupCommand(`${label}:session`, 'StartPortalSession', { kind: 'user', userId }, { sessionId, userId, applicationId: account.applicationId }));
  const firstPhone = { userId, deviceId, kind: 'MOBILE', phoneNumber: userNumber(user, 0), platform: 'IOS', name: 'First phone' };
  await sendAccepted(send, setupCommand(`${label}:first-phone`, 'EnrollDevice', user.actor, firstPhone));
  await sendAccepted(send, setupCommand(`${label}:step-up`, 'BeginStepUp', user.actor, { sessionId, deviceId, method: 'SMS' }));
  await sendAccepted(send, setupCommand(`${label}:completed`, 'CompleteStepUp', { kind: 'authenticator' }, { sessionId }));
};

/** Every event of a store in global order, as seed events. */
export const readHistory = async (store: EventStore): Promise<SeedEvent[]> => {
  const events: SeedEvent[] = [];
  for await (const page of pagesAfter(store, 'start', 5_000)) {
    if (E.isLeft(page)) throw new Error(`cannot read the history back: ${page.left.kind}`);
    for (const { streamName, eventId, type, data, metadata } of page.right) events.push({ streamName, eventId, type, data, metadata });
  }
  return events;
};

/** Users set up this many at a time: their streams are distinct, so the handler runs them side by side. */
const setupWindow = 32;

/** The account, application, and `userCount` users ready for self-service, written by our handler in memory. */
export const createSeed = async (label: string, userCount: number): Promise<Seed> => {
  const store = createInMemoryEventStore();
  const send = createCommandHandler({ store, clock: benchClock });
  const account = benchAccount(label);
  await setUpAccount(send, label, account);
  const users = Array.from({ length: userCount }, (_, index) => benchUser(label, index));
  for (let start = 0; start < users.length; start += setupWindow) {
    await Promise.all(users.slice(start, start + setupWindow).map((user) => setUpUser(send, account, user)));
  }
  const events = await readHistory(store);
  await store.close();
  return { label, userCount, events };
};

/** The seed's events grouped by stream, each stream in order: one append per stream copies it. */
export const streamsOf = (events: readonly SeedEvent[]): Map<string, SeedEvent[]> => {
  const byStream = new Map<string, SeedEvent[]>();
  for (const event of events) {
    const stream = byStream.get(event.streamName);
    if (stream === undefined) byStream.set(event.streamName, [event]);
    else stream.push(event);
  }
  return byStream;
};
