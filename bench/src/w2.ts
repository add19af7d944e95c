import type { JsonObject } from '@ssp/eventstore';
import { devicesViewOf } from './devices-view';
import { drive } from './drive';
import { emmettContexts } from './emmett-context';
import { growUserDevices } from './grow';
import { idOf } from './ids';
import { createSeed, usersOf, type Seed } from './seed';
import { familyOf, openCommandSystem, type CommandSystemId } from './systems';
import type { BenchUser } from './users';
import type { CommandRunResult } from './w1';

/** One user whose UserDevices stream holds `history` events, written before timing. */
export const createW2Seed = async (history: number): Promise<Seed> => {
  const seed = await createSeed('w2', 1);
  const [user] = usersOf(seed);
  if (user === undefined) throw new Error('the W2 seed has its user');
  return growUserDevices(seed, user, history);
};

const renameTo = (n: number) => `Bench ${n}`;

/** Renames of the user's first phone, each to a new name, so each appends one event. */
export const w2Commands = (user: BenchUser, count: number): JsonObject[][] =>
  Array.from({ length: count }, (_, i) => [
    { type: 'RenameDevice', commandId: idOf(`w2:${i}`), actor: user.actor, data: { userId: user.userId, deviceId: user.firstPhoneId, name: renameTo(i + 1) } },
  ]);

export type W2Options = Readonly<{ seed: Seed; history: number; commands: number; budgetMs: number; directory: string }>;

/**
 * W2 on one system: `commands` renames on the one long stream, one at a time (they all
 * target one stream), timed; a slow system stops at the budget, after at least one command.
 * Checked: every command accepted with one event, the stream `history + n` long, the phone
 * named by the last rename.
 */
export const runW2 = async (id: CommandSystemId, options: W2Options): Promise<CommandRunResult> => {
  const { seed, history, commands, budgetMs, directory } = options;
  const [user] = usersOf(seed);
  if (user === undefined) throw new Error('the W2 seed has its user');
  const system = await openCommandSystem(id, { directory, events: seed.events, contexts: () => emmettContexts(seed) });
  try {
    const driven = await drive(system, w2Commands(user, commands), 1, budgetMs);
    const problems: string[] = [];
    const notes: string[] = [];
    if (driven.failures > 0) {
      const message = `${driven.failures} of ${driven.commands} commands failed, e.g. ${driven.failureSamples.join(' | ')}`;
      if (familyOf(id) === 'emmett') notes.push(`${id}: ${message}`);
      else problems.push(message);
    } else {
      if (driven.deviceEvents !== driven.commands) problems.push(`${driven.deviceEvents} events for ${driven.commands} renames`);
      const events = await system.readUserDevices(user.userId);
      if (events.length !== history + driven.commands) problems.push(`the stream holds ${events.length} events, expected ${history + driven.commands}`);
      const name = devicesViewOf(events).get(user.userId)?.get(user.firstPhoneId)?.name;
      if (system.decides && name !== renameTo(driven.commands)) problems.push(`the phone is named ${String(name)}, expected ${renameTo(driven.commands)}`);
    }
    return { ...driven, system: id, concurrency: 1, commandsPerSecond: driven.commands / driven.seconds, problems, notes };
  } finally {
    await system.close();
  }
};
