import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type Database from 'better-sqlite3';
import { messageTimeoutReason } from '@ssp/eventstore';
import type { ConsumerGroupSettings, EventFilter, ParkedEvent, RecordedEvent, StoreError } from '@ssp/eventstore';
import { storeErrorFrom } from '../errors';
import type { EventReader } from '../reads';

/**
 * The SQL of consumer groups, over the tables of schema step 4 (see schema/migrations.ts):
 * `consumer_groups`, one row per group, and `consumer_group_events`, one row per event the
 * group has taken from the log and not yet seen acknowledged (waiting for a retry, leased to a
 * consumer until an expiry, or parked). An acknowledged event has no row: the group's cursor
 * is past it. Positions are bigints (`safeIntegers`), as everywhere in this package.
 */

type GroupRow = Readonly<{
  group_name: string;
  group_id: string;
  start_from: string;
  filter: string | null;
  max_retry_count: bigint;
  message_timeout_ms: bigint;
  cursor: bigint;
}>;

type ClaimableRow = Readonly<{ position: bigint; retry_count: bigint }>;
type ParkedRow = Readonly<{ position: bigint; parked_reason: string }>;

const prepareGroupStatements = (connection: Database.Database) => {
  const prepare = <P extends unknown[], R = unknown>(sql: string): Database.Statement<P, R> => connection.prepare<P, R>(sql).safeIntegers(true);
  return {
    groupByName: prepare<[string], GroupRow>(
      `SELECT group_name, group_id, start_from, filter, max_retry_count, message_timeout_ms, cursor
       FROM consumer_groups WHERE group_name = ?`,
    ),
    lastPosition: prepare<[], { last: bigint }>('SELECT coalesce(max(position), 0) AS last FROM events'),
    insertGroup: prepare<[string, string, string, string | null, number, number, bigint]>(
      `INSERT INTO consumer_groups (group_name, group_id, start_from, filter, max_retry_count, message_timeout_ms, cursor)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    moveCursor: prepare<[bigint, string]>('UPDATE consumer_groups SET cursor = ? WHERE group_id = ?'),
    deleteGroup: prepare<[string]>('DELETE FROM consumer_groups WHERE group_id = ?'),
    deleteGroupEvents: prepare<[string]>('DELETE FROM consumer_group_events WHERE group_id = ?'),

    /** Whether a claim would find anything: read without the write lock, so idle polls take none. */
    hasClaimable: prepare<[{ group: string; now: number }], { found: bigint }>(
      `SELECT EXISTS (
         SELECT 1 FROM consumer_group_events
         WHERE group_id = :group AND (state = 'ready' OR (state = 'leased' AND lease_expires_at <= :now))
       ) AS found`,
    ),
    /** Leases past their expiry with no retry left: parked. */
    parkExpired: prepare<[{ group: string; now: number; reason: string }]>(
      `UPDATE consumer_group_events
       SET state = 'parked', owner = NULL, lease_expires_at = NULL, parked_reason = :reason, parked_at = :now
       WHERE group_id = :group AND state = 'leased' AND lease_expires_at <= :now
         AND retry_count >= (SELECT max_retry_count FROM consumer_groups WHERE group_id = :group)`,
    ),
    /** The other expired leases: ready to be delivered again, one retry more. */
    retryExpired: prepare<[string, number]>(
      `UPDATE consumer_group_events
       SET state = 'ready', owner = NULL, lease_expires_at = NULL, retry_count = retry_count + 1
       WHERE group_id = ? AND state = 'leased' AND lease_expires_at <= ?`,
    ),
    /** Leases of one consumer still running: an expired one no longer counts against its buffer. */
    heldBy: prepare<[string, string, number], { held: bigint }>(
      `SELECT count(*) AS held FROM consumer_group_events
       WHERE group_id = ? AND state = 'leased' AND owner = ? AND lease_expires_at > ?`,
    ),
    ready: prepare<[string, number], ClaimableRow>(
      `SELECT position, retry_count FROM consumer_group_events
       WHERE group_id = ? AND state = 'ready' ORDER BY position LIMIT ?`,
    ),
    lease: prepare<[string, number, string, bigint]>(
      `UPDATE consumer_group_events SET state = 'leased', owner = ?, lease_expires_at = ?
       WHERE group_id = ? AND position = ?`,
    ),
    leaseFresh: prepare<[string, bigint, string, number]>(
      `INSERT INTO consumer_group_events (group_id, position, state, retry_count, owner, lease_expires_at)
       VALUES (?, ?, 'leased', 0, ?, ?)`,
    ),

    /** Only the lease this delivery was given: a lease that expired and went elsewhere is left alone. */
    ack: prepare<[string, bigint, string, number]>(
      `DELETE FROM consumer_group_events
       WHERE group_id = ? AND position = ? AND owner = ? AND retry_count = ? AND state = 'leased'`,
    ),
    /** A lease given back unseen (its consumer left before reading it): ready again, no retry spent. */
    release: prepare<[string, bigint, string, number]>(
      `UPDATE consumer_group_events SET state = 'ready', owner = NULL, lease_expires_at = NULL
       WHERE group_id = ? AND position = ? AND owner = ? AND retry_count = ? AND state = 'leased'`,
    ),
    /** `retry` gives the event back for another delivery, or parks it when no retry is left; `park` parks it. */
    nack: prepare<[{ group: string; position: bigint; owner: string; retryCount: number; park: number; reason: string; now: number }]>(
      `UPDATE consumer_group_events
       SET state = CASE WHEN :park OR retry_count >= g.max_retry_count THEN 'parked' ELSE 'ready' END,
           retry_count = CASE WHEN :park OR retry_count >= g.max_retry_count THEN retry_count ELSE retry_count + 1 END,
           parked_reason = CASE WHEN :park OR retry_count >= g.max_retry_count THEN :reason END,
           parked_at = CASE WHEN :park OR retry_count >= g.max_retry_count THEN :now END,
           owner = NULL, lease_expires_at = NULL
       FROM (SELECT max_retry_count FROM consumer_groups WHERE group_id = :group) AS g
       WHERE group_id = :group AND position = :position AND owner = :owner AND retry_count = :retryCount AND state = 'leased'`,
    ),

    parked: prepare<[string], ParkedRow>(
      `SELECT position, parked_reason FROM consumer_group_events
       WHERE group_id = ? AND state = 'parked' ORDER BY parked_at, position`,
    ),
    replayParked: prepare<[string]>(
      `UPDATE consumer_group_events SET state = 'ready', retry_count = 0, parked_reason = NULL, parked_at = NULL
       WHERE group_id = ? AND state = 'parked'`,
    ),
  };
};

/** A group as a consumer knows it: `groupId` tells it apart from a later group of the same name. */
export type GroupHandle = Readonly<{ name: string; groupId: string; filter: EventFilter | undefined }>;

/** One event leased to a consumer; `retryCount` with the owner identifies the lease. */
export type Lease = Readonly<{ event: RecordedEvent; retryCount: number }>;

/**
 * The bookkeeping of consumer groups in the database, shared by every process that opens the
 * file: each function is one statement or one `BEGIN IMMEDIATE` transaction, so that the rows
 * are always in a state every process agrees on. Synchronous, as better-sqlite3 is.
 */
export type GroupBook = ReturnType<typeof prepareGroupBook>;

const attempt = <A>(context: string, run: () => E.Either<StoreError, A>): E.Either<StoreError, A> => {
  try {
    return run();
  } catch (error) {
    return E.left(storeErrorFrom(error, context));
  }
};

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The filter column holds what `create` wrote: `JSON.stringify` of a checked `EventFilter`. */
const filterOf = (text: string | null, group: string): E.Either<StoreError, EventFilter | undefined> => {
  if (text === null) return E.right(undefined);
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'object' && parsed !== null && 'kind' in parsed) {
    if (parsed.kind === 'streamCategory' && 'categories' in parsed && isStringArray(parsed.categories)) {
      return E.right({ kind: 'streamCategory', categories: parsed.categories });
    }
    if (parsed.kind === 'eventType' && 'types' in parsed && isStringArray(parsed.types)) return E.right({ kind: 'eventType', types: parsed.types });
  }
  return E.left({ kind: 'Failure', message: `the filter of consumer group ${JSON.stringify(group)} is not one this build reads: ${text}` });
};

export const prepareGroupBook = (connection: Database.Database, reader: EventReader) => {
  const sql = prepareGroupStatements(connection);

  const handleOf = (row: GroupRow): E.Either<StoreError, GroupHandle> =>
    E.map((filter: EventFilter | undefined) => ({ name: row.group_name, groupId: row.group_id, filter }))(filterOf(row.filter, row.group_name));

  /** The events at these positions, in this order; one missing is a damaged store. */
  const eventsAt = (positions: readonly bigint[]): E.Either<StoreError, RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for (const position of positions) {
      const page = reader.readFrom(position, undefined, 1);
      if (E.isLeft(page)) return page;
      const [event] = page.right.events;
      if (event?.position.commit !== position) return E.left({ kind: 'Failure', message: `the event at position ${position} is missing from the store` });
      events.push(event);
    }
    return E.right(events);
  };

  /** Claims for `owner` what its buffer has room for: expired leases first become retries or parked, then retries, then the log after the cursor. */
  const claimInTransaction = connection.transaction(
    (group: GroupHandle, owner: string, bufferSize: number, now: number): E.Either<StoreError, readonly Lease[] | 'deleted'> => {
      const row = sql.groupByName.get(group.name);
      if (row?.group_id !== group.groupId) return E.right('deleted');
      const id = group.groupId;
      sql.parkExpired.run({ group: id, now, reason: messageTimeoutReason(Number(row.message_timeout_ms)) });
      sql.retryExpired.run(id, now);
      const room = bufferSize - Number(sql.heldBy.get(id, owner, now)?.held ?? 0n);
      if (room <= 0) return E.right([]);
      // Everything that can fail is read before anything is written: a Left leaves no lease behind.
      const ready = sql.ready.all(id, room);
      const retried = eventsAt(ready.map((lease) => lease.position));
      if (E.isLeft(retried)) return retried;
      const freshRoom = room - ready.length;
      const fresh = freshRoom > 0 ? reader.readFrom(row.cursor + 1n, group.filter, freshRoom) : E.right({ events: [], next: row.cursor + 1n });
      if (E.isLeft(fresh)) return fresh;

      const expiresAt = now + Number(row.message_timeout_ms);
      for (const lease of ready) sql.lease.run(owner, expiresAt, id, lease.position);
      for (const event of fresh.right.events) sql.leaseFresh.run(id, event.position.commit, owner, expiresAt);
      const last = fresh.right.events.at(-1);
      if (last !== undefined) sql.moveCursor.run(last.position.commit, id);
      return E.right([
        ...retried.right.map((event, index) => ({ event, retryCount: Number(ready[index]?.retry_count ?? 0n) })),
        ...fresh.right.events.map((event) => ({ event, retryCount: 0 })),
      ]);
    },
  );

  /** Whether a claim could lease anything now: answered without the write lock, so an idle poll takes none. */
  const worthClaiming = (group: GroupHandle, owner: string, bufferSize: number, now: number): E.Either<StoreError, boolean> => {
    const row = sql.groupByName.get(group.name);
    if (row?.group_id !== group.groupId) return E.right(true);
    if (sql.hasClaimable.get({ group: group.groupId, now })?.found === 1n) return E.right(true);
    if (Number(sql.heldBy.get(group.groupId, owner, now)?.held ?? 0n) >= bufferSize) return E.right(false);
    return E.map((page: Readonly<{ events: readonly RecordedEvent[] }>) => page.events.length > 0)(
      reader.readFrom(row.cursor + 1n, group.filter, 1),
    );
  };

  const create = connection.transaction((name: string, settings: ConsumerGroupSettings): 'created' | 'exists' => {
    if (sql.groupByName.get(name) !== undefined) return 'exists';
    const cursor = settings.startFrom === 'start' ? 0n : (sql.lastPosition.get()?.last ?? 0n);
    const filter = settings.filter === undefined ? null : JSON.stringify(settings.filter);
    sql.insertGroup.run(name, randomUUID(), settings.startFrom, filter, settings.maxRetryCount, settings.messageTimeoutMs, cursor);
    return 'created';
  });

  const remove = connection.transaction((name: string): boolean => {
    const row = sql.groupByName.get(name);
    if (row === undefined) return false;
    sql.deleteGroupEvents.run(row.group_id);
    sql.deleteGroup.run(row.group_id);
    return true;
  });

  return {
    create: (name: string, settings: ConsumerGroupSettings) =>
      attempt(`creating consumer group ${name}`, () => E.right(create.immediate(name, settings))),
    find: (name: string): E.Either<StoreError, GroupHandle | undefined> =>
      attempt(`reading consumer group ${name}`, () => {
        const row = sql.groupByName.get(name);
        return row === undefined ? E.right(undefined) : handleOf(row);
      }),
    delete: (name: string) => attempt(`deleting consumer group ${name}`, () => E.right(remove.immediate(name))),
    claim: (group: GroupHandle, owner: string, bufferSize: number, now: number): E.Either<StoreError, readonly Lease[] | 'deleted'> =>
      attempt(`claiming events of consumer group ${group.name}`, () => {
        const worth = worthClaiming(group, owner, bufferSize, now);
        if (E.isLeft(worth) || !worth.right) return E.map(() => [])(worth);
        return claimInTransaction.immediate(group, owner, bufferSize, now);
      }),
    ack: (group: GroupHandle, owner: string, lease: Lease) =>
      attempt(`acknowledging an event of consumer group ${group.name}`, () =>
        E.right(sql.ack.run(group.groupId, lease.event.position.commit, owner, lease.retryCount).changes > 0),
      ),
    nack: (group: GroupHandle, owner: string, lease: Lease, action: 'retry' | 'park', reason: string, now: number) =>
      attempt(`giving back an event of consumer group ${group.name}`, () => {
        const { changes } = sql.nack.run({
          group: group.groupId,
          position: lease.event.position.commit,
          owner,
          retryCount: lease.retryCount,
          park: action === 'park' ? 1 : 0,
          reason,
          now,
        });
        return E.right(changes > 0);
      }),
    release: (group: GroupHandle, owner: string, lease: Lease) =>
      attempt(`giving back an unread event of consumer group ${group.name}`, () =>
        E.right(sql.release.run(group.groupId, lease.event.position.commit, owner, lease.retryCount).changes > 0),
      ),
    parked: (group: GroupHandle): E.Either<StoreError, readonly ParkedEvent[]> =>
      attempt(`listing the parked events of consumer group ${group.name}`, () => {
        const rows = sql.parked.all(group.groupId);
        return E.map((events: readonly RecordedEvent[]) => events.map((event, index) => ({ event, reason: rows[index]?.parked_reason ?? '' })))(
          eventsAt(rows.map((row) => row.position)),
        );
      }),
    replayParked: (group: GroupHandle) =>
      attempt(`replaying the parked events of consumer group ${group.name}`, () => E.right(sql.replayParked.run(group.groupId).changes)),
  };
};
