import * as E from 'fp-ts/Either';
import type { ConsumerGroupSettings, JoinOptions } from './consumer-group-port';
import type { StoreError } from './port';
import { validSubscribeOptions } from './read-options';

/**
 * The arguments of the consumer-group port as every implementation reads them, written once so
 * that a group refused by one store is refused by all, with the same message naming the field.
 */

export const DEFAULT_BUFFER_SIZE = 10;

const refused = (argument: string, rule: string, value: unknown): StoreError => ({
  kind: 'Failure',
  message: `${argument} ${rule}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
});

/** A name the group is known by in every store: EventStoreDB refuses empty names, the others follow. */
export const validGroupName = (group: string): E.Either<StoreError, string> =>
  group.trim() === '' ? E.left(refused('group', 'must be a non-empty name', group)) : E.right(group);

export const validGroupSettings = (
  group: string,
  settings: ConsumerGroupSettings,
): E.Either<StoreError, ConsumerGroupSettings> => {
  const name = validGroupName(group);
  if (E.isLeft(name)) return name;
  if (settings.startFrom !== 'start' && settings.startFrom !== 'end') {
    return E.left(refused('startFrom', "must be 'start' or 'end'", settings.startFrom));
  }
  if (!Number.isSafeInteger(settings.maxRetryCount) || settings.maxRetryCount < 0) {
    return E.left(refused('maxRetryCount', 'must be a non-negative safe integer', settings.maxRetryCount));
  }
  if (!Number.isSafeInteger(settings.messageTimeoutMs) || settings.messageTimeoutMs <= 0) {
    return E.left(refused('messageTimeoutMs', 'must be a positive safe integer', settings.messageTimeoutMs));
  }
  // The filter follows the rules of subscriptions (a category must not contain a dash).
  const filter = validSubscribeOptions({ filter: settings.filter });
  return E.isLeft(filter) ? filter : E.right(settings);
};

/** The buffer size a consumer gets: the default when absent, refused unless a positive safe integer. */
export const validBufferSize = (options: JoinOptions = {}): E.Either<StoreError, number> => {
  const { bufferSize = DEFAULT_BUFFER_SIZE } = options;
  return Number.isSafeInteger(bufferSize) && bufferSize > 0
    ? E.right(bufferSize)
    : E.left(refused('bufferSize', 'must be a positive safe integer', bufferSize));
};

/** How a join on a group that does not exist, or an operation on one, is refused. */
export const missingGroupError = (group: string): StoreError => ({
  kind: 'Failure',
  message: `there is no consumer group named ${JSON.stringify(group)}`,
});

/** What the consumers of a group get when the group is deleted under them. */
export const deletedGroupError = (group: string): StoreError => ({
  kind: 'Failure',
  message: `the consumer group ${JSON.stringify(group)} was deleted`,
});

/** Why an event that stayed unsettled past its timeout, with no retry left, was parked. */
export const messageTimeoutReason = (messageTimeoutMs: number): string =>
  `not settled within the message timeout of ${messageTimeoutMs} ms`;
