import { performance } from 'node:perf_hooks';
import { createCommandHandler } from '@ssp/commands';
import { createInMemoryEventStore } from '@ssp/eventstore';
import { benchClock } from './clock';
import { digestOf, firstDifference } from './devices-view';
import { expectedDevices } from './mix';
import { openReplay, type ReplaySystemId } from './replays';
import { readHistory, usersOf, type Cast, type Seed } from './seed';
import { copyInto } from './systems/ours';
import { w1Rounds } from './w1';

/** W1's whole history (setup and every round), written by our handler in memory: what every W3 system replays. */
export type History = Cast & Readonly<{ rounds: number; events: Seed['events'] }>;

export const createW3History = async (seed: Seed, rounds: number): Promise<History> => {
  const store = createInMemoryEventStore();
  await copyInto(store, seed.events);
  const send = createCommandHandler({ store, clock: benchClock });
  for (const round of w1Rounds(usersOf(seed), rounds)) {
    for (const command of round) {
      const result = await send(command);
      if (!result.ok) throw new Error(`W1 refused ${String(command.type)} while writing W3's history: ${result.error.code} ${result.error.message}`);
    }
  }
  const events = await readHistory(store);
  await store.close();
  return { label: seed.label, userCount: seed.userCount, rounds, events };
};

export type ReplayResult = Readonly<{
  system: ReplaySystemId;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  problems: readonly string[];
  readModelDigest?: string;
}>;

/**
 * One replay, timed from its first read to its last write; then its read model (where it
 * builds one) must equal what the mix says, for every user.
 */
export const runW3 = async (id: ReplaySystemId, history: History, directory: string): Promise<ReplayResult> => {
  const replay = await openReplay(id, directory, history.events);
  try {
    const started = performance.now();
    const { events } = await replay.replay();
    const seconds = (performance.now() - started) / 1000;
    const users = usersOf(history);
    const problems: string[] = [];
    // Emmett's in-memory replay reads the users' streams only; every other goes through the whole history.
    const expected = id === 'emmett-memory-streams' ? history.events.filter((event) => event.streamName.startsWith('UserDevices-')).length : history.events.length;
    if (events !== expected) problems.push(`went through ${events} of ${expected} events`);
    const view = await replay.readModel(users.map((user) => user.userId));
    if (view === undefined) return { system: id, events, seconds, eventsPerSecond: events / seconds, problems };
    const difference = firstDifference(view, new Map(users.map((user) => [user.userId, expectedDevices(user, history.rounds)])));
    if (difference !== undefined) problems.push(`the read model differs from the mix's: ${difference}`);
    return { system: id, events, seconds, eventsPerSecond: events / seconds, problems, readModelDigest: digestOf(view) };
  } finally {
    await replay.close();
  }
};
