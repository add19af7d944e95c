import { EventStoreDBClient } from '@eventstore/db-client';
import * as E from 'fp-ts/Either';
import type { EventStore } from '@ssp/eventstore';
import type { EventStoreDbClient } from './client-shape';
import { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store';
import { unusableStore } from './unusable-store';

/**
 * Connects with `@eventstore/db-client` from a connection string such as
 * `esdb://localhost:2113?tls=false` or `esdb+discover://node1:2113,node2:2113?nodePreference=leader`.
 * The client connects lazily, on the first call. A string the client cannot parse gives a
 * store whose every call answers `Failure` with the reason, rather than an exception.
 *
 * The deadline of every call is `options.deadlineMs`, else the connection string's
 * `defaultDeadline`, else 10 s: operators then set it in one place, the connection string.
 */
export const connectEventStoreDb = (connectionString: string, options: EventStoreDbStoreOptions = {}): EventStore => {
  const client = parseConnectionString(connectionString);
  if (E.isLeft(client)) return unusableStore(client.left);
  const deadlineMs = options.deadlineMs ?? defaultDeadlineIn(connectionString);
  return createEventStoreDbStore({ dialect: 'eventstoredb', client: client.right }, { ...options, deadlineMs });
};

const parseConnectionString = (connectionString: string): E.Either<string, EventStoreDbClient> => {
  try {
    return E.right(EventStoreDBClient.connectionString(connectionString));
  } catch (error) {
    return E.left(`invalid EventStoreDB connection string: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** Option names are matched as the client matches them: case, `-` and `_` do not count. */
const flat = (name: string): string => name.trim().toLowerCase().replace(/[_-]/g, '');

/**
 * `defaultDeadline` read as the client reads it (parseInt); the client has already refused a
 * bad one. The query is after the last `?`, since option values cannot hold one.
 */
const defaultDeadlineIn = (connectionString: string): number | undefined => {
  const start = connectionString.lastIndexOf('?');
  const query = start < 0 ? '' : connectionString.slice(start + 1);
  const value = query
    .split('&')
    .map((pair) => pair.split('='))
    // The client keeps the last of repeated options.
    .filter(([name]) => name !== undefined && flat(name) === 'defaultdeadline')
    .at(-1)?.[1];
  return value === undefined ? undefined : Number.parseInt(value, 10);
};
