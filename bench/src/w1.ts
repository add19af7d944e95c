import type { JsonObject } from '@ssp/eventstore';
import { devicesViewOf, digestOf, firstDifference, type DevicesView } from './devices-view';
import { drive, type Driven } from './drive';
import { emmettContexts } from './emmett-context';
import { claimEventsIn, expectedDevices, mix } from './mix';
import { usersOf, type Seed } from './seed';
import { familyOf, openCommandSystem, type CommandSystemId } from './systems';
import type { CommandSystem } from './systems/command-system';
import type { BenchUser } from './users';

export type CommandRunResult = Driven &
  Readonly<{
    system: CommandSystemId;
    concurrency: number;
    commandsPerSecond: number;
    /** Problems the correctness checks found: a run with any fails. */
    problems: readonly string[];
    /** Notes on the run (e.g. Emmett's failures, which are reported rather than fatal). */
    notes: readonly string[];
    /** SHA-256 of the devices-per-user read model built from the system's history (see devices-view.ts). */
    readModelDigest?: string;
  }>;

/** Rounds of W1: round r is the r-th command of the mix for every user, users in order (round-robin). */
export const w1Rounds = (users: readonly BenchUser[], rounds: number): JsonObject[][] =>
  mix.slice(0, rounds).map((step) => users.map((user) => step.command(user)));

const differenceFromMix = (view: DevicesView, users: readonly BenchUser[], rounds: number): string | undefined => {
  const expected: DevicesView = new Map(users.map((user) => [user.userId, expectedDevices(user, rounds)]));
  return firstDifference(view, expected);
};

/**
 * What every run of W1 must show: every command accepted (Emmett's failures are reported, not
 * fatal: its default SQLite store is known to answer SQLITE_BUSY), one device event per
 * command, our claim events, each user's stream two setup events plus one per round, and the
 * read model built from the history equal to what the mix says.
 */
export const checkW1 = async (system: CommandSystem, id: CommandSystemId, users: readonly BenchUser[], driven: Driven) => {
  const problems: string[] = [];
  const notes: string[] = [];
  const rounds = driven.units;
  const family = familyOf(id);
  if (driven.failures > 0) {
    const message = `${driven.failures} of ${driven.commands} commands failed, e.g. ${driven.failureSamples.join(' | ')}`;
    if (family === 'emmett') notes.push(`${id}: ${message}`);
    else problems.push(message);
  }
  const expectClaims = family === 'ours' ? claimEventsIn(rounds) * users.length : 0;
  if (driven.failures === 0 && driven.deviceEvents !== driven.commands) problems.push(`${driven.deviceEvents} device events for ${driven.commands} commands`);
  if (driven.failures === 0 && driven.otherEvents !== expectClaims) problems.push(`${driven.otherEvents} claim events, expected ${expectClaims}`);
  if (driven.failures > 0) return { problems, notes };
  const view: DevicesView = new Map();
  for (const user of users) {
    const events = await system.readUserDevices(user.userId);
    if (events.length !== 2 + rounds) problems.push(`${user.userId} has ${events.length} device events, expected ${2 + rounds}`);
    if (system.decides) for (const [userId, devices] of devicesViewOf(events)) view.set(userId, devices);
  }
  if (!system.decides) return { problems, notes };
  const difference = differenceFromMix(view, users, rounds);
  if (difference !== undefined) problems.push(`the read model differs from the mix's: ${difference}`);
  return { problems, notes, readModelDigest: digestOf(view) };
};

export type W1Options = Readonly<{ seed: Seed; rounds: number; concurrency: number; budgetMs: number; directory: string }>;

/** W1 on one system: seeded before timing, the rounds timed, then checked. */
export const runW1 = async (id: CommandSystemId, options: W1Options): Promise<CommandRunResult> => {
  const { seed, rounds, concurrency, budgetMs, directory } = options;
  const users = usersOf(seed);
  const units = w1Rounds(users, rounds);
  const system = await openCommandSystem(id, { directory, events: seed.events, contexts: () => emmettContexts(seed) });
  try {
    const driven = await drive(system, units, concurrency, budgetMs);
    const checked = await checkW1(system, id, users, driven);
    return { ...driven, ...checked, system: id, concurrency, commandsPerSecond: driven.commands / driven.seconds };
  } finally {
    await system.close();
  }
};
