import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/Either';
import type { JsonObject, NewEvent } from '@ssp/eventstore';

/** Unwraps a Right, or fails the test with the Left's content. */
export const rightOf = <L, R>(either: E.Either<L, R>): R => {
  if (E.isLeft(either)) throw new Error(`expected Right, got Left: ${JSON.stringify(either.left, bigintAsText)}`);
  return either.right;
};

export const leftOf = <L, R>(either: E.Either<L, R>): L => {
  if (E.isRight(either)) throw new Error(`expected Left, got Right: ${JSON.stringify(either.right, bigintAsText)}`);
  return either.left;
};

const bigintAsText = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? `${value}n` : value);

export const newEvent = (type: string, data: JsonObject = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID() },
});
