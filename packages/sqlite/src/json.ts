import * as E from 'fp-ts/Either';
import type { JsonObject, StoreError } from '@ssp/eventstore';

/**
 * Every JSON column is written by this package from a `JsonObject`, and `JSON.parse` can only
 * produce JSON values, so checking the top level is enough to recover the type without a cast.
 */
const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const parseJsonObject = (text: string, what: string): E.Either<StoreError, JsonObject> => {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed)
      ? E.right(parsed)
      : E.left({ kind: 'Failure', message: `${what} is not a JSON object` });
  } catch (error) {
    return E.left({ kind: 'Failure', message: `${what} is not valid JSON: ${String(error)}` });
  }
};
