import type { ExpectedRevision, StoreError } from '@ssp/eventstore';

/**
 * What the clients throw, read structurally: both clients' error classes carry a `type`
 * string (`wrong-expected-version`, `stream-not-found`, …) but are different classes, and
 * some failures (a refused connection while fetching server features) arrive as raw gRPC
 * errors with only a numeric `code`.
 */

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;

const typeOf = (error: unknown): string | undefined => {
  const type = field(error, 'type');
  return typeof type === 'string' ? type : undefined;
};

const messageOf = (error: unknown): string => {
  const message = field(error, 'message');
  return typeof message === 'string' && message !== '' ? message : String(error);
};

/** gRPC status codes for which the request never reached or never heard back from a server. */
const UNREACHABLE_CODES = new Set([
  1, // CANCELLED by the server, e.g. a node shutting down
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE
]);

const UNREACHABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'cancelled', 'not-leader']);

export const isStreamNotFound = (error: unknown): boolean => typeOf(error) === 'stream-not-found';

/** Any failure that is not a refusal the adapter knows by name. */
export const storeErrorOf = (error: unknown): StoreError => {
  const type = typeOf(error);
  const code = field(error, 'code');
  if ((type !== undefined && UNREACHABLE_TYPES.has(type)) || (typeof code === 'number' && UNREACHABLE_CODES.has(code))) {
    return { kind: 'Unavailable', message: `EventStoreDB is unreachable: ${messageOf(error)}` };
  }
  return { kind: 'Failure', message: `EventStoreDB refused the request: ${messageOf(error)}` };
};

/** The errors of an append: the two refusals it can meet, then everything else. */
export const appendErrorOf = (streamName: string, expected: ExpectedRevision, error: unknown): StoreError => {
  switch (typeOf(error)) {
    case 'wrong-expected-version': {
      // `@eventstore/db-client` names it `actualVersion`, `@kurrent/kurrentdb-client` `actualState`.
      const actual = field(error, 'actualVersion') ?? field(error, 'actualState');
      if (typeof actual === 'bigint') return { kind: 'WrongExpectedRevision', streamName, expected, actual };
      if (actual === 'no_stream') return { kind: 'WrongExpectedRevision', streamName, expected, actual: 'NO_STREAM' };
      return { kind: 'Failure', message: `the append to ${streamName} was refused for its expected revision, but the client did not say the actual one: ${messageOf(error)}` };
    }
    case 'maximum-append-size-exceeded': {
      const limit = field(error, 'maxAppendSize');
      return {
        kind: 'AppendTooLarge',
        streamName,
        message: `the append to ${streamName} exceeds the server's maximum append size${typeof limit === 'number' ? ` of ${limit} bytes` : ''}; nothing was written`,
      };
    }
    default:
      return storeErrorOf(error);
  }
};
