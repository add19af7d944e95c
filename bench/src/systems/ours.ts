import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createCommandHandler } from '@ssp/commands';
import { streams } from '@ssp/domain';
import { createInMemoryEventStore, type EventStore } from '@ssp/eventstore';
import { describeOpenError, openSqliteEventStore, type SqliteEventStore } from '@ssp/sqlite';
import { benchClock } from '../clock';
import { streamsOf, type SeedEvent } from '../seed';
import type { CommandSystem, Outcome } from './command-system';
import { describeThrown, refusal } from './command-system';

export type OurStoreKind = 'memory' | 'sqlite';

/** Copies a history into a store, one append per stream, each stream in its order. */
export const copyInto = async (store: EventStore, events: readonly SeedEvent[]): Promise<void> => {
  for (const [streamName, stream] of streamsOf(events)) {
    const appended = await store.appendToStream(
      streamName,
      stream.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })),
      { expectedRevision: 'NO_STREAM' },
    )();
    if (E.isLeft(appended)) throw new Error(`cannot copy ${streamName}: ${appended.left.kind}`);
  }
};

const openSqlite = (path: string, synchronous: 'FULL' | 'NORMAL'): SqliteEventStore => {
  const opened = openSqliteEventStore({ path, synchronous });
  if (E.isLeft(opened)) throw new Error(`cannot open ${path}: ${describeOpenError(opened.left)}`);
  return opened.right;
};

/**
 * Our store holding `events`. The SQLite file is written at `synchronous=NORMAL` (the seeding
 * is not measured), then closed and opened again at `FULL`, the durability every SQLite
 * figure of the benchmark is measured at.
 */
export const openOurStore = async (kind: OurStoreKind, directory: string, events: readonly SeedEvent[]): Promise<EventStore> => {
  if (kind === 'memory') {
    const store = createInMemoryEventStore();
    await copyInto(store, events);
    return store;
  }
  const path = join(directory, 'ours.sqlite');
  const seeding = openSqlite(path, 'NORMAL');
  await copyInto(seeding, events);
  await seeding.close();
  return openSqlite(path, 'FULL');
};

/** The handler's cache: off (every command reads and folds each stream it needs) or the default. */
export type CacheSetting = 'nocache' | 'cache';

export const openOurSystem = async (kind: OurStoreKind, cache: CacheSetting, directory: string, events: readonly SeedEvent[]): Promise<CommandSystem> => {
  const store = await openOurStore(kind, directory, events);
  const handle = createCommandHandler({ store, clock: benchClock, ...(cache === 'nocache' ? { cacheCapacity: 0 } : {}) });
  const send = async (command: unknown): Promise<Outcome> => {
    try {
      const result = await handle(command);
      if (!result.ok) return refusal(`${result.error.code}: ${result.error.message}`);
      const deviceEvents = result.events.filter((event) => event.streamName.startsWith('UserDevices-')).length;
      return { ok: true, deviceEvents, otherEvents: result.events.length - deviceEvents };
    } catch (error) {
      return refusal(describeThrown(error));
    }
  };
  return {
    send,
    decides: true,
    readUserDevices: async (userId) => {
      const read = await store.readStream(streams.userDevices(userId))();
      if (E.isLeft(read)) throw new Error(`cannot read ${userId}'s devices back: ${read.left.kind}`);
      return read.right;
    },
    close: () => store.close(),
  };
};
