import * as E from 'fp-ts/Either';
import type { JsonObject, JsonValue, StoreError } from '../port';

/**
 * A deep, frozen copy of a JSON object that keeps exactly what SQLite and EventStoreDB would
 * keep (dropped `undefined`, `NaN` as `null`, `toJSON` applied), so that tests that pass in
 * memory pass on disk too. Plain JSON, which is what the handler and the runner write, is
 * copied in one pass; anything else goes through a JSON text round trip, whose rules are the
 * definition of "what a store keeps".
 */
export const frozenJsonCopy = (value: JsonObject): E.Either<StoreError, JsonObject> => {
  const plain = copyPlainJson(value);
  if (plain !== notPlain && isJsonObject(plain)) return E.right(plain);
  return E.tryCatch(
    () => freezeObject(JSON.parse(JSON.stringify(value))),
    (error) => ({ kind: 'Failure', message: `not serialisable as JSON: ${String(error)}` }),
  );
};

const notPlain: unique symbol = Symbol('not plain JSON');

const isJsonObject = (value: JsonValue): value is JsonObject => value !== null && typeof value === 'object' && !isJsonArray(value);

/**
 * The frozen copy of a value made only of null, booleans, strings, finite numbers, arrays and
 * plain objects without undefined fields, or `notPlain` as soon as anything else is met (the
 * round trip then decides what it becomes).
 */
const copyPlainJson = (value: unknown): JsonValue | typeof notPlain => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // JSON has no negative zero: the text `-0` reads back as 0.
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : notPlain;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    const copy: JsonValue[] = [];
    for (const item of items) {
      const json = copyPlainJson(item);
      if (json === notPlain) return notPlain;
      copy.push(json);
    }
    return Object.freeze(copy);
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value)) {
    const copy: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
      const json = copyPlainJson(Reflect.get(value, key));
      // An own `__proto__` field would set the copy's prototype instead of a field.
      if (json === notPlain || key === '__proto__') return notPlain;
      copy[key] = json;
    }
    return Object.freeze(copy);
  }
  return notPlain;
};

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
    for (const [key, item] of entries) {
      // Defined, not assigned: an own `__proto__` field stays a field instead of becoming the prototype.
      Object.defineProperty(copy, key, { value: freezeValue(item), enumerable: true, writable: true, configurable: true });
    }
    return Object.freeze(copy);
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
};
