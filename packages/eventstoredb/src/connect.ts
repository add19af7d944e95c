import * as E from 'fp-ts/Either';
import type { EventStore } from '@ssp/eventstore';
import { clientFor, installedClientPackages, type ClientPackages } from './client-packages';
import { createEventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store';
import { unusableStore } from './unusable-store';

/**
 * Connects from a connection string such as `esdb://localhost:2113?tls=false`,
 * `esdb+discover://node1:2113,node2:2113?nodePreference=leader` or `kurrentdb://…`, through
 * whichever client package is installed: `@eventstore/db-client` 6.x or
 * `@kurrent/kurrentdb-client` 1.x (see client-packages.ts). The client connects lazily, on the
 * first call. A string the client cannot parse, or no client package at all, gives a store
 * whose every call answers `Failure` with the reason, rather than an exception.
 *
 * The deadline of every call is `options.deadlineMs`, else the connection string's
 * `defaultDeadline`, else 10 s: operators then set it in one place, the connection string.
 */
export const connectEventStoreDb = (connectionString: string, options: EventStoreDbStoreOptions = {}): EventStore =>
  connectThrough(installedClientPackages, connectionString, options);

/** `connectEventStoreDb` with the client packages given, for its tests. */
export const connectThrough = (packages: ClientPackages, connectionString: string, options: EventStoreDbStoreOptions = {}): EventStore => {
  const client = clientFor(connectionString, packages);
  if (E.isLeft(client)) return unusableStore(client.left);
  const deadlineMs = options.deadlineMs ?? defaultDeadlineIn(connectionString);
  return createEventStoreDbStore(client.right, { ...options, deadlineMs });
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
