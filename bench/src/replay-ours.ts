import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, createInMemoryReadModelStore, pagesAfter, type EventStore, type ReadModelStore } from '@ssp/eventstore';
import { createProjectionRunner, MySettingsAndDevices, mySettingsAndDevicesProjection } from '@ssp/projections';
import { describeOpenError, openSqliteDatabase, openSqliteEventStore, openSqliteReadModelStore } from '@ssp/sqlite';
import { userDevicesViewOfDocument, type DevicesView } from './devices-view';
import type { Replay } from './replay';
import type { SeedEvent } from './seed';
import { copyInto } from './systems/ours';

/** Our store holding the history; SQLite seeded at NORMAL, reopened at FULL, with its read models in the same file. */
const ourStores = async (kind: 'memory' | 'sqlite', directory: string, events: readonly SeedEvent[]): Promise<{ store: EventStore; readModels: ReadModelStore; close: () => Promise<void> }> => {
  if (kind === 'memory') {
    const store = createInMemoryEventStore();
    await copyInto(store, events);
    return { store, readModels: createInMemoryReadModelStore(), close: () => store.close() };
  }
  const path = join(directory, 'ours-w3.sqlite');
  const open = (synchronous: 'FULL' | 'NORMAL') => {
    const opened = openSqliteDatabase({ path, synchronous });
    if (E.isLeft(opened)) throw new Error(describeOpenError(opened.left));
    const store = openSqliteEventStore({ database: opened.right });
    const readModels = openSqliteReadModelStore({ database: opened.right });
    if (E.isLeft(store) || E.isLeft(readModels)) throw new Error(`cannot open the stores in ${path}`);
    return { store: store.right, readModels: readModels.right, close: async () => opened.right.close() };
  };
  const seeding = open('NORMAL');
  await copyInto(seeding.store, events);
  await seeding.close();
  return open('FULL');
};

/** Our projection runner with its checkpoints (`runner`), or a raw walk of `readAll` pages. */
export const ourReplay = async (kind: 'memory' | 'sqlite', runner: boolean, directory: string, events: readonly SeedEvent[]): Promise<Replay> => {
  const { store, readModels, close } = await ourStores(kind, directory, events);
  const projection = mySettingsAndDevicesProjection;
  return {
    replay: async () => {
      if (runner) {
        const caughtUp = await createProjectionRunner({ events: store, readModels }).catchUp(projection)();
        if (E.isLeft(caughtUp)) throw new Error(`the projection stopped: ${caughtUp.left.kind}`);
        return { events: caughtUp.right.eventsApplied };
      }
      let read = 0;
      for await (const page of pagesAfter(store, 'start', 500)) {
        if (E.isLeft(page)) throw new Error(`readAll failed: ${page.left.kind}`);
        read += page.right.length;
      }
      return { events: read };
    },
    readModel: async (userIds) => {
      if (!runner) return undefined;
      const view: DevicesView = new Map();
      for (const userId of userIds) {
        const stored = await readModels.get(projection.name, userId)();
        const document = E.isRight(stored) && stored.right !== undefined ? MySettingsAndDevices.decode(stored.right) : undefined;
        if (document !== undefined && E.isRight(document)) view.set(userId, userDevicesViewOfDocument(document.right));
      }
      return view;
    },
    close,
  };
};
