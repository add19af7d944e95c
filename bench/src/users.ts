import { idOf, phoneNumberOf } from './ids';

/** The account every user of a workload belongs to: self-service on, new enrollment on. */
export type BenchAccount = Readonly<{ accountId: string; ownerId: string; applicationId: string }>;

/** A user set up before timing: registered, in a live portal session, first phone enrolled, step-up completed. */
export type BenchUser = Readonly<{
  index: number;
  userId: string;
  sessionId: string;
  firstPhoneId: string;
  /** The user acting in that session, as a command's `actor`. */
  actor: Readonly<{ kind: 'user'; userId: string; sessionId: string }>;
}>;

/** Numbers per user: the first phone's, then one for each enrollment of the mix that has one. */
export const numbersPerUser = 4;

export const benchAccount = (label: string): BenchAccount => ({
  accountId: idOf(`${label}:account`),
  ownerId: idOf(`${label}:owner`),
  applicationId: idOf(`${label}:application`),
});

export const benchUser = (label: string, index: number): BenchUser => {
  const userId = idOf(`${label}:user:${index}`);
  const sessionId = idOf(`${label}:session:${index}`);
  return { index, userId, sessionId, firstPhoneId: idOf(`${label}:phone:${index}:0`), actor: { kind: 'user', userId, sessionId } };
};

/** The k-th number of a user (0: the first phone's). */
export const userNumber = (user: BenchUser, k: number): string => phoneNumberOf(user.index * numbersPerUser + k);

/** A device id of a user, named by its role in the mix. */
export const deviceIdOf = (user: BenchUser, role: string): string => idOf(`device:${user.userId}:${role}`);
