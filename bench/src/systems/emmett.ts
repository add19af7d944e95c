import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { CommandHandler, getInMemoryEventStore, type EventStore as EmmettEventStore } from '@event-driven-io/emmett';
import { getSQLiteEventStore, sqliteConnection, type SQLiteConnection } from '@event-driven-io/emmett-sqlite';
import {
  decideUserDevices,
  decodeCommand,
  evolveUserDevices,
  initialUserDevicesState,
  isUserDevicesCommand,
  streams,
  type UserDevicesContext,
  type UserDevicesEvent,
  type UserDevicesState,
} from '@ssp/domain';
import type { JsonObject } from '@ssp/eventstore';
import { streamsOf, type SeedEvent } from '../seed';
import { describeThrown, refusal, type CommandSystem, type Outcome } from './command-system';

/**
 * Emmett's stores: in memory, and SQLite as it comes (a connection opened and closed for each
 * operation) or tuned as far as its API allows (one long-lived connection, WAL, which Emmett
 * sets on every connection, and `synchronous=FULL` stated, the durability of every SQLite figure).
 */
export type EmmettStoreKind = 'memory' | 'sqlite-default' | 'sqlite-tuned';

type OpenedEmmettStore = Readonly<{ store: EmmettEventStore; close: () => Promise<void> }>;

const closeConnection = (connection: SQLiteConnection) => async (): Promise<void> => connection.close();

/** Events per append when seeding: Emmett's SQLite store binds several variables per event, and SQLite allows 32,766. */
const seedingBatch = 1_000;

/** Emmett's events are `{ type, data }`: the seed's, without our metadata. */
export const copyIntoEmmett = async (store: EmmettEventStore, events: readonly SeedEvent[]): Promise<void> => {
  for (const [streamName, stream] of streamsOf(events)) {
    for (let start = 0; start < stream.length; start += seedingBatch) {
      await store.appendToStream(streamName, stream.slice(start, start + seedingBatch).map(({ type, data }) => ({ type, data })));
    }
  }
};

/**
 * The SQLite file is seeded over one connection at `synchronous=OFF` (the seeding is not
 * measured), then opened as measured.
 */
export const openEmmettStore = async (kind: EmmettStoreKind, directory: string, events: readonly SeedEvent[]): Promise<OpenedEmmettStore> => {
  if (kind === 'memory') {
    const store = getInMemoryEventStore();
    await copyIntoEmmett(store, events);
    return { store, close: async () => undefined };
  }
  const fileName = join(directory, 'emmett.sqlite');
  const seeding = sqliteConnection({ fileName });
  await seeding.command('PRAGMA synchronous = OFF');
  await copyIntoEmmett(getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection: seeding } }), events);
  seeding.close();
  if (kind === 'sqlite-default') return { store: getSQLiteEventStore({ fileName }), close: async () => undefined };
  const connection = sqliteConnection({ fileName });
  await connection.command('PRAGMA synchronous = FULL');
  return { store: getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } }), close: closeConnection(connection) };
};

/** Emmett's handlers signal a refused command by throwing; the benchmark turns it back into a value. */
class RefusedByTheDecider extends Error {}

const decideOrThrow = (context: UserDevicesContext, json: JsonObject) => {
  const decoded = decodeCommand(json);
  if (E.isLeft(decoded)) return E.left(`${decoded.left.code}: ${decoded.left.message}`);
  const command = decoded.right;
  if (!isUserDevicesCommand(command)) return E.left(`${command.type} is not a device command`);
  return E.right({
    command,
    decide: (state: UserDevicesState): UserDevicesEvent[] => {
      const decision = decideUserDevices(command, state, context);
      if (E.isLeft(decision)) throw new RefusedByTheDecider(`${decision.left.code}: ${decision.left.message}`);
      return [...decision.right.events];
    },
  });
};

/**
 * Our UserDevices decider (its `evolve`, initial state and `decide`) inside Emmett's
 * `CommandHandler`: the command is decoded with our codecs, the user's stream aggregated by
 * Emmett, decided with the context of `contexts`, and the events appended by Emmett at the
 * version it read.
 */
export const openEmmettSystem = async (
  kind: EmmettStoreKind,
  directory: string,
  events: readonly SeedEvent[],
  contexts: ReadonlyMap<string, UserDevicesContext>,
): Promise<CommandSystem> => {
  // Emmett reads only the target stream: the context streams stay out of its store.
  const { store, close } = await openEmmettStore(kind, directory, events.filter((event) => event.streamName.startsWith('UserDevices-')));
  const handle = CommandHandler<UserDevicesState, UserDevicesEvent>({ evolve: evolveUserDevices, initialState: () => initialUserDevicesState });
  const send = async (json: JsonObject): Promise<Outcome> => {
    const userId = typeof json.data === 'object' && json.data !== null && 'userId' in json.data ? json.data.userId : undefined;
    const context = typeof userId === 'string' ? contexts.get(userId) : undefined;
    if (context === undefined) return refusal(`no context for user ${String(userId)}`);
    const prepared = decideOrThrow(context, json);
    if (E.isLeft(prepared)) return refusal(prepared.left);
    try {
      const result = await handle(store, streams.userDevices(prepared.right.command.data.userId), prepared.right.decide);
      return { ok: true, deviceEvents: result.newEvents.length, otherEvents: 0 };
    } catch (error) {
      return refusal(describeThrown(error));
    }
  };
  return {
    send,
    decides: true,
    readUserDevices: async (userId) => (await store.readStream(streams.userDevices(userId))).events.map(({ type, data }) => ({ type, data })),
    close,
  };
};
