import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { ConsumerGroups, EventStore } from '@ssp/eventstore';
import { connectEventStoreDb, createEventStoreDbConsumerGroups } from '@ssp/eventstoredb';
import { describeOpenError, openSqliteConsumerGroups, openSqliteEventStore } from '@ssp/sqlite';

export const storeKinds = ['sqlite', 'esdb'] as const;
export type StoreKind = (typeof storeKinds)[number];

/** Where every process of one measurement finds the store: one SQLite file, or one server. */
export const Target = t.union([
  t.type({ kind: t.literal('sqlite'), path: t.string }),
  t.type({ kind: t.literal('esdb'), connectionString: t.string }),
]);
export type Target = t.TypeOf<typeof Target>;

/** A process's own connection to the target: SQLite at its default durability. */
export type Opened = Readonly<{ store: EventStore; close: () => Promise<void> }>;
export type OpenedWithGroups = Opened & Readonly<{ groups: ConsumerGroups }>;

const fail = (message: string): never => {
  throw new Error(message);
};

export const openTarget = (target: Target): Opened => {
  if (target.kind === 'esdb') {
    const store = connectEventStoreDb(target.connectionString);
    return { store, close: () => store.close() };
  }
  const opened = openSqliteEventStore({ path: target.path });
  if (E.isLeft(opened)) return fail(`cannot open ${target.path}: ${describeOpenError(opened.left)}`);
  return { store: opened.right, close: () => opened.right.close() };
};

/** The store and its consumer groups: on EventStoreDB the groups on a client of their own, as the portal does. */
export const openTargetWithGroups = (target: Target): OpenedWithGroups => {
  if (target.kind === 'esdb') {
    const store = connectEventStoreDb(target.connectionString);
    const client = EventStoreDBClient.connectionString(target.connectionString);
    return {
      store,
      groups: createEventStoreDbConsumerGroups(client, { store }),
      close: async () => {
        await store.close();
        await client.dispose();
      },
    };
  }
  const opened = openSqliteEventStore({ path: target.path });
  if (E.isLeft(opened)) return fail(`cannot open ${target.path}: ${describeOpenError(opened.left)}`);
  const groups = openSqliteConsumerGroups(opened.right);
  if (E.isLeft(groups)) return fail(`cannot open the consumer groups of ${target.path}: ${describeOpenError(groups.left)}`);
  return { store: opened.right, groups: groups.right, close: () => opened.right.close() };
};
