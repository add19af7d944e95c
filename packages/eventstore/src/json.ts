import type { JsonObject, JsonValue } from './port';

/**
 * Domain data is plain JSON by construction, but its static types allow `undefined` in
 * optional fields. This copies a value into the JSON type, dropping undefined fields, so that
 * what is hashed is exactly what is stored.
 */
export const toJsonValue = (value: unknown): JsonValue | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    return items.map((item) => toJsonValue(item) ?? null);
  }
  if (typeof value === 'object') {
    // A loop rather than entries/flatMap/fromEntries: this runs on every event appended and
    // every document committed, and builds one object instead of three arrays.
    const copy: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
      const json = toJsonValue(Reflect.get(value, key));
      if (json === undefined) continue;
      // An own `__proto__` field stays a field, as it would through JSON, not the copy's prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: json, enumerable: true, writable: true, configurable: true });
      else copy[key] = json;
    }
    return copy;
  }
  return undefined;
};

const isJsonObject = (json: JsonValue | undefined): json is JsonObject =>
  typeof json === 'object' && json !== null && !Array.isArray(json);

export const toJsonObject = (value: object): JsonObject => {
  const json = toJsonValue(value);
  return isJsonObject(json) ? json : {};
};

/** Whether a value is already plain JSON: finite numbers, no undefined field, plain objects and arrays only. */
const isPlainJson = (value: unknown): boolean => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    return items.every(isPlainJson);
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (!isPlainJson(Reflect.get(value, key))) return false;
  return true;
};

const isPlainJsonObject = (value: object): value is JsonObject => !Array.isArray(value) && isPlainJson(value);

/**
 * The value itself when it is already plain JSON (a check, no copy), else `toJsonObject`'s copy.
 * For callers that hand the value to something that copies or serialises it anyway (a read-model
 * store's commit): one walk instead of a second copy.
 */
export const asJsonObject = (value: object): JsonObject => (isPlainJsonObject(value) ? value : toJsonObject(value));
