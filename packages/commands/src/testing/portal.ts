import { streams } from '@ssp/domain';
import type { CommandHandler } from '../handler';
import {
  beginStepUp,
  completeStepUp,
  enableNewEnrollment,
  enableSelfService,
  enrollMobile,
  openAccount,
  registerApplication,
  registerUser,
  startPortalSession,
  userActor,
  type ActorJson,
} from './commands';
import { idOf } from './ids';
import { accepted } from './results';
import { createTestWorld } from './world';

/** An account ready for self-service: an owner, new enrollment on, one web application with self-service enabled. */
export type SeededAccount = Readonly<{ accountId: string; ownerId: string; applicationId: string }>;

/** A user of that account inside a live portal session, with one phone and a fresh, completed step-up on it. */
export type PortalUser = Readonly<{
  account: SeededAccount;
  userId: string;
  sessionId: string;
  phoneId: string;
  phoneNumber: string;
  /** The user acting in that session. */
  actor: ActorJson;
}>;

/** Ids are derived from `label`, so two accounts or users in one test never collide. */
export const seedAccount = async (send: CommandHandler, label: string, edition = 'ENTERPRISE'): Promise<SeededAccount> => {
  const account = { accountId: idOf(`${label}:account`), ownerId: idOf(`${label}:owner`), applicationId: idOf(`${label}:application`) };
  accepted(await send(openAccount(account.accountId, account.ownerId, edition)));
  accepted(await send(enableNewEnrollment(account.ownerId, account.accountId)));
  accepted(await send(registerApplication(account.ownerId, account.accountId, account.applicationId)));
  accepted(await send(enableSelfService(account.ownerId, account.applicationId)));
  return account;
};

/** A registered user with no device yet, in a live session (after primary authentication only). */
export const seedUserWithoutDevice = async (
  send: CommandHandler,
  account: SeededAccount,
  label: string,
): Promise<Readonly<{ userId: string; sessionId: string; actor: ActorJson }>> => {
  const userId = idOf(`${label}:user`);
  const sessionId = idOf(`${label}:session`);
  accepted(await send(registerUser(account.ownerId, account.accountId, userId, label)));
  accepted(await send(startPortalSession(userId, sessionId, account.applicationId)));
  return { userId, sessionId, actor: userActor(userId, sessionId) };
};

/** The first device by primary authentication alone, then a completed SMS step-up on it. */
export const seedPortalUser = async (send: CommandHandler, account: SeededAccount, label: string, phoneNumber: string): Promise<PortalUser> => {
  const { userId, sessionId, actor } = await seedUserWithoutDevice(send, account, label);
  const phoneId = idOf(`${label}:first-phone`);
  accepted(await send(enrollMobile(actor, userId, phoneId, phoneNumber, 'First phone')));
  await stepUp(send, { userId, sessionId, phoneId });
  return { account, userId, sessionId, phoneId, phoneNumber, actor };
};

/** Begins and completes a step-up on the user's first phone, by SMS. */
export const stepUp = async (send: CommandHandler, user: Readonly<{ userId: string; sessionId: string; phoneId: string }>): Promise<void> => {
  accepted(await send(beginStepUp(user.userId, user.sessionId, user.phoneId, 'SMS')));
  accepted(await send(completeStepUp(user.sessionId)));
};

/** Test phone numbers: valid North American numbers in the 555-01xx range, in E.164 form. */
export const phoneNumber = (n: number): string => `+1202555${(100 + n).toString().padStart(4, '0')}`;

/**
 * Alice and Bob, users of one account, each with a first phone (numbers 1 and 2) and a fresh
 * step-up, and a handler whose claims have the given lease.
 */
export const seedAliceAndBob = async (claimLeaseSeconds: number) => {
  const world = createTestWorld();
  const send = world.handler({ claimLeaseSeconds });
  const account = await seedAccount(send, 'acme');
  const alice = await seedPortalUser(send, account, 'alice', phoneNumber(1));
  const bob = await seedPortalUser(send, account, 'bob', phoneNumber(2));
  const claimStream = (n: number) => streams.phoneNumberClaim(account.accountId, phoneNumber(n));
  return { world, send, account, alice, bob, claimStream };
};

/** An account with self-service on, and Alice in a portal session with one phone. */
export const givenAlice = async () => {
  const world = createTestWorld();
  const send = world.handler();
  const account = await seedAccount(send, 'acme');
  const alice = await seedPortalUser(send, account, 'alice', phoneNumber(1));
  return { world, send, account, alice };
};
