import type { JsonObject } from '@ssp/eventstore';
import { idOf, phoneNumberOf } from '../ids';
import { usersOf } from '../seed';
import type { BenchUser } from '../users';

/** How big one measurement is: users set up before timing, and device commands per user (enroll, rename, enroll, …). */
export type ScalingSizes = Readonly<{ users: number; commandsPerUser: number; inFlightPerProcess: number }>;

export const fullScalingSizes: ScalingSizes = { users: 240, commandsPerUser: 8, inFlightPerProcess: 8 };
export const quickScalingSizes: ScalingSizes = { users: 12, commandsPerUser: 4, inFlightPerProcess: 4 };

/** The seed's label: the users and their ids are named by it (see ../users.ts). */
export const scalingLabel = 'scaling';

/**
 * Numbers of the enrolled phones start past those of the seed's first phones (four per user,
 * see ../users.ts), sixteen per user: every enrollment claims a number no one holds.
 */
const firstEnrolledNumber = 40_000;
const numbersPerUser = 16;

/** The policy allows ten phones; the setup enrolled one. */
export const maxEnrollmentsPerUser = 9;

const enrolledPhoneId = (user: BenchUser, j: number): string => idOf(`scaling:${user.userId}:phone:${j}`);

/**
 * The k-th device command of a user: even k enrolls the user's (k/2 + 1)-th new mobile, odd k
 * renames the phone just enrolled. Each is accepted and appends one UserDevices event (an
 * enrollment also a claim).
 */
export const commandOf = (user: BenchUser, k: number): JsonObject => {
  const j = Math.floor(k / 2) + 1;
  const deviceId = enrolledPhoneId(user, j);
  const commandId = idOf(`scaling:${user.userId}:command:${k}`);
  if (k % 2 === 0) {
    const phoneNumber = phoneNumberOf(firstEnrolledNumber + user.index * numbersPerUser + j);
    return { type: 'EnrollDevice', commandId, actor: user.actor, data: { userId: user.userId, deviceId, kind: 'MOBILE', phoneNumber, platform: 'ANDROID', name: `Phone ${j}` } };
  }
  return { type: 'RenameDevice', commandId, actor: user.actor, data: { userId: user.userId, deviceId, name: `Renamed phone ${j}` } };
};

export const enrollmentsPerUser = (sizes: ScalingSizes): number => Math.ceil(sizes.commandsPerUser / 2);

/**
 * SMS notices the workload causes: an enrollment tells every mobile on file after it, the
 * setup's first phone and the j phones enrolled so far; a rename tells no one.
 */
export const expectedSmsNotices = (sizes: ScalingSizes): number => {
  let perUser = 0;
  for (let j = 1; j <= enrollmentsPerUser(sizes); j += 1) perUser += 1 + j;
  return perUser * sizes.users;
};

export const expectedCommands = (sizes: ScalingSizes): number => sizes.users * sizes.commandsPerUser;

/** The users of handler process `p` of `processes`: every processes-th user, so that shares differ by one at most. */
export const shareOf = (sizes: ScalingSizes, p: number, processes: number): readonly number[] =>
  Array.from({ length: sizes.users }, (_, index) => index).filter((index) => index % processes === p);

/** The users of a share, each as the seed set it up. */
export const usersOfShare = (share: readonly number[]): readonly BenchUser[] => {
  const all = usersOf({ label: scalingLabel, userCount: Math.max(0, ...share) + 1 });
  return share.flatMap((index) => all.slice(index, index + 1));
};

/**
 * A process's commands as `lanes` queues, each sent one after another while the lanes run side
 * by side: a user lives in one lane, so that its commands stay in order, and a lane goes round
 * its users (the k-th command of each, then the (k+1)-th).
 */
export const lanesOf = (users: readonly BenchUser[], sizes: ScalingSizes): readonly (readonly JsonObject[])[] => {
  const lanes = Math.max(1, Math.min(sizes.inFlightPerProcess, users.length));
  return Array.from({ length: lanes }, (_, lane) => {
    const own = users.filter((_, i) => i % lanes === lane);
    return Array.from({ length: sizes.commandsPerUser }, (_, k) => own.map((user) => commandOf(user, k))).flat();
  });
};
