// Check (3): an ES module of a strict TypeScript project that uses the public API of every
// package. It is only type-checked (tsc --noEmit); checks (1), (2) and (5) run the same calls.
import { EventStoreDBClient } from '@eventstore/db-client';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import { createCommandHandler, type CommandErrorCode, type CommandHandler, type CommandResult } from '@ssp/commands';
import {
  accountDecider,
  decodeCommand,
  errorCodes,
  fold,
  readDomainEvent,
  streams,
  type AccountEvent,
  type Command,
  type DomainError,
  type DomainEvent,
  type ErrorCode,
} from '@ssp/domain';
import { actors, command, decide, ids } from '@ssp/domain/testing';
import {
  createInMemoryEventStore,
  createInMemoryReadModelStore,
  type EventStore,
  type NewEvent,
  type ReadModelStore,
  type RecordedEvent,
  type StoreError,
} from '@ssp/eventstore';
import { describeEventStoreConformance, type EventStoreFixture } from '@ssp/eventstore/conformance';
import { closableView, namespacedStore, testStore } from '@ssp/eventstore/testing';
import { connectEventStoreDb, createEventStoreDbCheckpointStore, createEventStoreDbStore } from '@ssp/eventstoredb';
import { startTestTarget, type TestTarget } from '@ssp/eventstoredb/testing';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '@ssp/eventstoredb-test-server';
import {
  applicationSettingsProjection,
  createProjectionRunner,
  mySettingsAndDevicesProjection,
  readHistory,
  verifyHistory,
  type MySettingsAndDevices,
  type ProjectionError,
  type VerifyReport,
} from '@ssp/projections';
import { createTestHistory, projectionSpec } from '@ssp/projections/testing';
import { describeOpenError, openSqliteDatabase, openSqliteEventStore, openSqliteReadModelStore, type SqliteEventStore } from '@ssp/sqlite';

/** A result narrows on `ok`; the codes are the contract's and the store's. */
export const describeResult = (result: CommandResult): string =>
  result.ok ? result.events.map((event) => `${event.streamName}@${event.revision} ${event.type}`).join('\n') : `${result.error.code}: ${result.error.message}`;

/** Exhaustive over every code: a new code is a compile error here. */
export const isRetryable = (code: CommandErrorCode): boolean => {
  switch (code) {
    case 'CONCURRENCY_CONFLICT':
    case 'STORE_UNAVAILABLE':
      return true;
    case 'STORE_FAILURE':
    case 'IDEMPOTENCY_KEY_REUSED':
      return false;
    default: {
      const contractCode: ErrorCode = code;
      return !errorCodes.includes(contractCode);
    }
  }
};

/** The codecs are io-ts codecs of the app's io-ts. */
export const isCommand: t.Is<Command> = (value): value is Command => E.isRight(decodeCommand(value));

/** The domain's codecs and our fp-ts are the app's: one `Either`. */
export const commandTypeOf = (json: unknown): E.Either<string, Command['type']> =>
  E.bimap((error: DomainError) => `${error.code}: ${error.message}`, (decoded: Command) => decoded.type)(decodeCommand(json));

export const accountStream = (accountId: string): string => streams.account(accountId);

export const eventsOf = (history: readonly RecordedEvent[]): readonly DomainEvent[] =>
  history.flatMap((recorded) => {
    const read = readDomainEvent(recorded);
    return E.isRight(read) ? [read.right] : [];
  });

/** The domain's fold over the decider's own event type. */
export const accountEditionAfter = (events: readonly AccountEvent[]): string | undefined => {
  const state = fold(accountDecider, events);
  return state.status === 'OPEN' ? state.edition : undefined;
};

export const handlerOver = (store: EventStore): CommandHandler => createCommandHandler({ store, clock: () => new Date().toISOString() });

export const appendOne = (store: EventStore, event: NewEvent): TE.TaskEither<StoreError, bigint> =>
  TE.map((appended: { nextExpectedRevision: bigint }) => appended.nextExpectedRevision)(
    store.appendToStream('Consumer-1', [event], { expectedRevision: 'ANY' }),
  );

export const inMemory = (): Readonly<{ events: EventStore; readModels: ReadModelStore }> => ({
  events: createInMemoryEventStore(),
  readModels: createInMemoryReadModelStore(),
});

export const myDevices = async (events: EventStore, readModels: ReadModelStore, userId: string): Promise<MySettingsAndDevices | undefined> => {
  const runner = createProjectionRunner({ events, readModels });
  const caughtUp = await runner.catchUp(mySettingsAndDevicesProjection)();
  if (E.isLeft(caughtUp)) {
    const error: ProjectionError = caughtUp.left;
    throw new Error(error.kind);
  }
  const document = await readModels.get(mySettingsAndDevicesProjection.name, userId)();
  if (E.isLeft(document) || document.right === null) return undefined;
  const decoded = mySettingsAndDevicesProjection.document.decode(document.right);
  return E.isRight(decoded) ? decoded.right : undefined;
};

export const audit = async (store: EventStore): Promise<VerifyReport | StoreError> => {
  const history = await readHistory(store)();
  return E.isRight(history) ? verifyHistory(history.right) : history.left;
};

export const sqlite = (path: string): SqliteEventStore => {
  const database = openSqliteDatabase({ path });
  if (E.isLeft(database)) throw new Error(describeOpenError(database.left));
  const events = openSqliteEventStore({ database: database.right });
  const readModels = openSqliteReadModelStore({ database: database.right });
  if (E.isLeft(events) || E.isLeft(readModels)) throw new Error('cannot open the stores');
  return events.right;
};

/** The app's own EventStoreDB client fits the adapter, with its dialect. */
export const eventStoreDbOf = (connectionString: string): Readonly<{ events: EventStore; checkpoints: unknown }> => {
  const client = EventStoreDBClient.connectionString(connectionString);
  return {
    events: createEventStoreDbStore({ dialect: 'eventstoredb', client }, { deadlineMs: 5_000 }),
    checkpoints: createEventStoreDbCheckpointStore(client, { deadlineMs: 5_000 }),
  };
};

export const connected = (): EventStore => connectEventStoreDb('esdb://localhost:2113?tls=false');

export const onTestServer = async <A,>(use: (store: EventStore) => Promise<A>): Promise<A> => {
  const server: EventStoreDbTestServer = await startEventStoreDbTestServer({ features: 'batchAppend' });
  const store = connectEventStoreDb(server.connectionString);
  try {
    return await use(store);
  } finally {
    await store.close();
    await server.stop();
  }
};

export const target = (): Promise<TestTarget> => startTestTarget();

export const conformanceOf = (name: string, make: () => EventStore): void =>
  describeEventStoreConformance(name, async (): Promise<EventStoreFixture> => {
    const store = closableView(namespacedStore(make(), 'consumer'));
    return { store, teardown: () => store.close() };
  });

export const defaultTestStore = (): EventStore => testStore();

export const specOfTheRules = () =>
  decide(accountDecider)
    .given([{ type: 'AccountOpened', data: { accountId: ids.account, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: ids.owner } }])
    .when(command('ChangeEdition', actors.admin(ids.owner), { accountId: ids.account, edition: 'BEYOND' }))
    .then([{ type: 'EditionChanged', data: { accountId: ids.account, edition: 'BEYOND', previousEdition: 'ENTERPRISE' } }]);

export const settingsSpec = () => projectionSpec(applicationSettingsProjection);

export const aHistory = () => createTestHistory();
