import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { TaskEither } from 'fp-ts/TaskEither';
import type { JsonObject, NewEvent, RecordedEvent, StoreError } from '../port';

/**
 * Helpers shared by the conformance specs. Against a real EventStoreDB the store outlives a
 * test run, so every name a test touches is fresh: categories are random and dash-free
 * (a dash would end the category), streams are `<category>-<n>`.
 */

/** Generous: a gRPC-backed store is slower, and the suite never asserts on timing. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export const freshCategory = (): string => `conformance${randomUUID().replace(/-/g, '')}`;

export const freshStream = (category: string = freshCategory()): string => `${category}-${randomUUID()}`;

export const newEvent = (type: string, data: JsonObject = {}, metadata: JsonObject = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata,
});

export const newEvents = (count: number, type = 'Happened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

/** Runs the task and fails the test, with the error in the message, if it returned a Left. */
export const succeed = async <A>(task: TaskEither<StoreError, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected success, store said ${show(result.left)}`);
  return result.right;
};

/** Runs the task and fails the test if it succeeded. */
export const fail = async <A>(task: TaskEither<StoreError, A>): Promise<StoreError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`expected a StoreError, store returned ${show(result.right)}`);
  return result.left;
};

export const show = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item));

export const idsOf = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.eventId);

/**
 * `maxCount`s every store refuses: negative, fractional, not a number, infinite, and beyond
 * `Number.MAX_SAFE_INTEGER` (where a store could no longer tell two counts apart).
 */
export const REFUSED_MAX_COUNTS: readonly number[] = [
  -1,
  2.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 10,
  2 ** 53,
];

/** What `toEqual` compares a refusal with: its kind, and a matcher for its message. */
type RefusalPattern = Readonly<{ kind: StoreError['kind']; message: unknown }>;

/** How a store refuses an argument: a `Failure` whose message names the argument. */
export const refusalOf = (argument: string): RefusalPattern => ({ kind: 'Failure', message: expect.stringContaining(argument) });

/** How a closed store answers every call: `Unavailable`, saying it is closed. */
export const closedStoreRefusal = (): RefusalPattern => ({ kind: 'Unavailable', message: expect.stringContaining('closed') });

/**
 * Creates a fixture before each test and tears it down after it; answers a getter for the
 * store, which fails loudly if a test runs outside that window.
 */
export const eachTestFixture = <S>(
  factory: () => Promise<Readonly<{ store: S; teardown: () => Promise<void> }>>,
  timeout: number,
): (() => S) => {
  let fixture: Readonly<{ store: S; teardown: () => Promise<void> }> | undefined;
  beforeEach(async () => {
    fixture = await factory();
  }, timeout);
  afterEach(async () => {
    const finished = fixture;
    fixture = undefined;
    await finished?.teardown();
  }, timeout);
  return () => {
    if (fixture === undefined) throw new Error('the conformance fixture was not created');
    return fixture.store;
  };
};
