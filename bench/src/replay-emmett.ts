import { join } from 'node:path';
import { getInMemoryEventStore } from '@event-driven-io/emmett';
import { getSQLiteEventStore, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { evolveDevicesView, type DevicesView } from './devices-view';
import type { Replay } from './replay';
import { streamsOf, type SeedEvent } from './seed';
import { copyIntoEmmett } from './systems/emmett';

/**
 * Emmett's replays: per-stream reads of its in-memory store, its SQLite processor with
 * checkpoints, and its raw batch reads.
 */
export const emmettReplay = async (kind: 'memory' | 'sqlite-processor' | 'sqlite-readall', directory: string, events: readonly SeedEvent[]): Promise<Replay> => {
  const view: DevicesView = new Map();
  if (kind === 'memory') {
    // Emmett's in-memory store has no read of all streams: the replay reads each user's stream.
    const store = getInMemoryEventStore();
    const userStreams = [...streamsOf(events).entries()].filter(([name]) => name.startsWith('UserDevices-'));
    await copyIntoEmmett(store, userStreams.flatMap(([, stream]) => stream));
    return {
      replay: async () => {
        let read = 0;
        for (const [name] of userStreams) {
          const { events: stream } = await store.readStream(name);
          for (const event of stream) evolveDevicesView(view, event);
          read += stream.length;
        }
        return { events: read };
      },
      readModel: async () => view,
      close: async () => undefined,
    };
  }
  const fileName = join(directory, 'emmett-w3.sqlite');
  const connection = sqliteConnection({ fileName });
  await connection.command('PRAGMA synchronous = OFF');
  const store = getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
  await copyIntoEmmett(store, events);
  await connection.command('PRAGMA synchronous = FULL');
  // Not `readLastMessageGlobalPosition`: in 0.42.4 it orders ascending and answers the first position.
  const newest = await connection.querySingle<{ last: number | null }>('SELECT max(global_position) AS last FROM emt_messages');
  const last = BigInt(newest?.last ?? 0);
  const close = async () => connection.close();
  if (kind === 'sqlite-readall') {
    return {
      replay: async () => {
        let read = 0;
        for (let after = 0n; after < last; ) {
          const batch = await readMessagesBatch(connection, { after, batchSize: 500 });
          read += batch.messages.length;
          after = batch.currentGlobalPosition;
        }
        return { events: read };
      },
      readModel: async () => undefined,
      close,
    };
  }
  return {
    replay: async () => {
      // Emmett's processor with its checkpoints, pulling as fast as its options allow.
      let read = 0;
      const consumer = store.consumer({ pulling: { batchSize: 500, pullingFrequencyInMs: 0 } });
      consumer.processor({
        processorId: 'devices-per-user',
        startFrom: 'BEGINNING',
        stopAfter: (message) => message.metadata.globalPosition === last,
        eachMessage: (message) => {
          evolveDevicesView(view, message);
          read += 1;
        },
      });
      await consumer.start();
      await consumer.stop();
      return { events: read };
    },
    readModel: async () => view,
    close,
  };
};
