import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as E from 'fp-ts/Either';
import { createInMemoryEventStore, type EventStore } from '@ssp/eventstore';
import { connectEventStoreDb } from '@ssp/eventstoredb';
import { describeOpenError, openSqliteEventStore } from '@ssp/sqlite';

/** Where the user ran the command: pnpm runs scripts from the workspace root. */
export const userPath = (path: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), path);

export const storeSpecHelp = 'memory, sqlite:<file>, or an EventStoreDB connection string (esdb://…, esdb+discover://…)';

/**
 * Opens the store a `--store` option names. An unusable spec is refused with a message for
 * the person at the terminal: this is the command line's edge, where errors become text.
 */
export const openStore = async (spec: string): Promise<EventStore> => {
  if (spec === 'memory') return createInMemoryEventStore();
  if (spec.startsWith('sqlite:')) {
    const path = userPath(spec.slice('sqlite:'.length));
    mkdirSync(dirname(path), { recursive: true });
    const opened = openSqliteEventStore({ path });
    if (E.isLeft(opened)) throw new Error(`cannot open ${path}: ${describeOpenError(opened.left)}`);
    return opened.right;
  }
  if (/^esdb(\+discover)?:\/\//.test(spec) || /^kurrentdb(\+discover)?:\/\//.test(spec)) return connectEventStoreDb(spec);
  throw new Error(`unknown store "${spec}": use ${storeSpecHelp}`);
};
