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
 * `read-write` for the commands that append (`run`, `demo`): a SQLite file is created, with
 * its directory, and migrated. `read-only` for the commands that only read (`audit …`): the
 * file must exist and is never created, migrated or written, so that whoever may read a
 * store but not write it (an auditor, a read-only mount, a full disk) can still read it.
 */
type Access = 'read-write' | 'read-only';

const openSqliteFile = (path: string, access: Access): EventStore => {
  if (access === 'read-write') mkdirSync(dirname(path), { recursive: true });
  const opened = openSqliteEventStore({ path, readOnly: access === 'read-only' });
  if (E.isLeft(opened)) throw new Error(`cannot open ${path}${access === 'read-only' ? ' to read it' : ''}: ${describeOpenError(opened.left)}`);
  return opened.right;
};

/**
 * Opens the store a `--store` option names. An unusable spec is refused with a message for
 * the person at the terminal: this is the command line's edge, where errors become text.
 * Only SQLite has a read-only mode to choose: an EventStoreDB user's rights are the server's
 * to grant, and a new in-memory store is empty either way.
 */
const openSpec = async (spec: string, access: Access): Promise<EventStore> => {
  if (spec === 'memory') return createInMemoryEventStore();
  if (spec.startsWith('sqlite:')) return openSqliteFile(userPath(spec.slice('sqlite:'.length)), access);
  if (/^esdb(\+discover)?:\/\//.test(spec) || /^kurrentdb(\+discover)?:\/\//.test(spec)) return connectEventStoreDb(spec);
  throw new Error(`unknown store "${spec}": use ${storeSpecHelp}`);
};

/** For commands that append: `ssp run`, `ssp demo`. */
export const openStore = (spec: string): Promise<EventStore> => openSpec(spec, 'read-write');

/** For commands that only read: every `ssp audit …`. */
export const openStoreForReading = (spec: string): Promise<EventStore> => openSpec(spec, 'read-only');
