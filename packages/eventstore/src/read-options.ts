import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { EventFilter, Position, ReadAllOptions, ReadStreamOptions, StoreError, SubscribeOptions } from './port';

/**
 * The one reading of the paging and filter arguments that every store applies (through
 * `guardedEventStore`), so that an odd argument means the same thing in memory, in SQLite and
 * on EventStoreDB. A bad argument is the caller's bug: it is refused with a `Failure` that
 * names it, never guessed at (clamped, rounded or ignored).
 */

/**
 * The largest revision or position a store can hold: SQLite's INTEGER and EventStoreDB's log
 * positions and revisions are signed 64-bit integers.
 */
export const LARGEST_STORABLE = 2n ** 63n - 1n;

/**
 * The options as a store receives them once checked. `maxCount` stays `undefined` for "all", so
 * that a view over another store can pass them on as they are.
 */
export type ValidReadStreamOptions = Readonly<{ fromRevision: bigint; maxCount: number | undefined }>;

export type ValidReadAllOptions = Readonly<{ from: Position | 'start'; maxCount: number | undefined; filter: EventFilter | undefined }>;

export type ValidSubscribeOptions = Readonly<{ after: Position | 'start'; filter: EventFilter | undefined }>;

const refused = (argument: string, rule: string, value: unknown): StoreError => ({
  kind: 'Failure',
  message: `${argument} ${rule}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
});

/** Absent means all; 0 reads nothing; -1, 2.5, NaN, Infinity and numbers past 2^53 - 1 are refused. */
const validMaxCount = (maxCount: number | undefined): E.Either<StoreError, number | undefined> =>
  maxCount === undefined || (Number.isSafeInteger(maxCount) && maxCount >= 0)
    ? E.right(maxCount)
    : E.left(refused('maxCount', 'must be a non-negative safe integer or absent', maxCount));

/** Negative revisions are refused; a revision past the end of the stream reads nothing. */
const validFromRevision = (fromRevision: bigint | undefined): E.Either<StoreError, bigint> =>
  fromRevision === undefined
    ? E.right(0n)
    : fromRevision >= 0n
      ? E.right(fromRevision)
      : E.left(refused('fromRevision', 'must not be negative', fromRevision));

const isStorable = (value: bigint): boolean => value >= 0n && value <= LARGEST_STORABLE;

/** Both halves of a position must be in 0..2^63 - 1; `start` is always valid. */
const validPosition = (argument: string, position: Position | 'start' | undefined): E.Either<StoreError, Position | 'start'> => {
  if (position === undefined || position === 'start') return E.right('start');
  if (!isStorable(position.commit)) return E.left(refused(`${argument}.commit`, `must be between 0 and ${LARGEST_STORABLE}`, position.commit));
  if (!isStorable(position.prepare)) return E.left(refused(`${argument}.prepare`, `must be between 0 and ${LARGEST_STORABLE}`, position.prepare));
  return E.right(position);
};

/**
 * A category is what precedes the first dash of a stream name, so a category with a dash in it
 * could never be matched the same way by every store: it is refused.
 */
const validFilter = (filter: EventFilter | undefined): E.Either<StoreError, EventFilter | undefined> => {
  if (filter === undefined || filter.kind !== 'streamCategory') return E.right(filter);
  const dashed = filter.categories.findIndex((category) => category.includes('-'));
  return dashed < 0
    ? E.right(filter)
    : E.left(refused(`filter.categories[${dashed}]`, 'must not contain a dash', filter.categories[dashed]));
};

// Checked on every read a command makes: plain checks rather than fp-ts's Do notation, whose
// combinators allocate on each call.
export const validReadStreamOptions = (options: ReadStreamOptions = {}): E.Either<StoreError, ValidReadStreamOptions> => {
  const fromRevision = validFromRevision(options.fromRevision);
  if (E.isLeft(fromRevision)) return fromRevision;
  const maxCount = validMaxCount(options.maxCount);
  if (E.isLeft(maxCount)) return maxCount;
  return E.right({ fromRevision: fromRevision.right, maxCount: maxCount.right });
};

export const validReadAllOptions = (options: ReadAllOptions = {}): E.Either<StoreError, ValidReadAllOptions> =>
  pipe(
    E.Do,
    E.apS('from', validPosition('from', options.from)),
    E.apS('maxCount', validMaxCount(options.maxCount)),
    E.apS('filter', validFilter(options.filter)),
  );

export const validSubscribeOptions = (options: SubscribeOptions = {}): E.Either<StoreError, ValidSubscribeOptions> =>
  pipe(
    E.Do,
    E.apS('after', validPosition('after', options.after)),
    E.apS('filter', validFilter(options.filter)),
  );

/** A read that can only return `[]`: no store needs to be asked. */
export const readsNothing = (options: Readonly<{ maxCount: number | undefined; fromRevision?: bigint }>): boolean =>
  options.maxCount === 0 || (options.fromRevision !== undefined && options.fromRevision > LARGEST_STORABLE);
