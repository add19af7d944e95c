import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { NewEvent, StoreError } from '@ssp/eventstore';
import { realServerConnectionString } from './test-target';

/**
 * Shared by the specs that freeze the test server (deadlines*.spec.ts). A real server cannot
 * be frozen on demand, so these specs are skipped when ESDB_CONNECTION_STRING names one.
 */
export const describeOnTestServer = realServerConnectionString() === undefined ? describe : describe.skip;

/** Short, so that the specs run quickly; nothing asserts how long a call took. */
export const TEST_DEADLINE_MS = 400;

/**
 * Keepalive that notices a frozen server within about a second, as the default (10 s + 10 s)
 * does within 20 s in production. The client warns about intervals under 10 s; the warning is
 * silenced in these specs.
 */
export const QUICK_KEEPALIVE = 'keepAliveInterval=300&keepAliveTimeout=300';

/** Whatever the reason, a test must fail well before a call that never answers would. */
export const SPEC_TIMEOUT_MS = 15_000;

export const freshCategory = (prefix: string): string => `${prefix}${randomUUID().replace(/-/g, '')}`;

export const freshStream = (prefix: string): string => `${freshCategory(prefix)}-1`;

export const newEvent = (type = 'Happened'): NewEvent => ({ eventId: randomUUID(), type, data: {}, metadata: {} });

/** The error a task answered, or a test failure naming what it answered instead. */
export const failureOf = async <A>(task: () => Promise<E.Either<StoreError, A>>): Promise<StoreError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error('expected a StoreError, the call succeeded');
  return result.left;
};

export const successOf = async <A>(task: () => Promise<E.Either<StoreError, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected success, got ${result.left.kind}: ${'message' in result.left ? result.left.message : ''}`);
  return result.right;
};

/**
 * For warming a client up: the Kurrent client's native reader takes about half a second to
 * serve its first read, longer than the specs' deadline, and connects meanwhile.
 */
export const firstSuccessOf = async <A>(task: () => Promise<E.Either<StoreError, A>>, attempts = 20): Promise<A> => {
  const result = await task();
  if (E.isRight(result) || attempts <= 1) return successOf(async () => result);
  return firstSuccessOf(task, attempts - 1);
};

export const unavailable = expect.objectContaining({ kind: 'Unavailable' });

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
