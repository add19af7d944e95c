import * as E from 'fp-ts/Either';
import type { JsonObject, JsonValue, StoreError } from '../port';

/**
 * A deep, frozen copy of a JSON object, made through a JSON text round trip so that the
 * in-memory store keeps exactly what SQLite and EventStoreDB would keep (dropped `undefined`,
 * `NaN` as `null`, `toJSON` applied): tests that pass in memory then pass on disk too.
 */
export const frozenJsonCopy = (value: JsonObject): E.Either<StoreError, JsonObject> =>
  E.tryCatch(
    () => freezeObject(JSON.parse(JSON.stringify(value))),
    (error) => ({ kind: 'Failure', message: `not serialisable as JSON: ${String(error)}` }),
  );

const freezeObject = (parsed: unknown): JsonObject => {
  const frozen = freezeValue(parsed);
  if (frozen === null || typeof frozen !== 'object' || isJsonArray(frozen)) {
    throw new TypeError('expected a JSON object');
  }
  return frozen;
};

const isJsonArray = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value);

const freezeValue = (value: unknown): JsonValue => {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    return Object.freeze(items.map(freezeValue));
  }
  if (typeof value === 'object') {
    const entries: ReadonlyArray<readonly [string, unknown]> = Object.entries(value);
    const copy: { [key: string]: JsonValue } = {};
    for (const [key, item] of entries) copy[key] = freezeValue(item);
    return Object.freeze(copy);
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
};
