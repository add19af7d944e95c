import type { JsonObject, JsonValue } from './port';

/**
 * Domain data is plain JSON by construction, but its static types allow `undefined` in
 * optional fields. This copies a value into the JSON type, dropping undefined fields, so that
 * what is hashed is exactly what is stored.
 */
export const toJsonValue = (value: unknown): JsonValue | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const json = toJsonValue(item);
      return json === undefined ? [] : [[key, json] as const];
    });
    return Object.fromEntries(entries);
  }
  return undefined;
};

const isJsonObject = (json: JsonValue | undefined): json is JsonObject =>
  typeof json === 'object' && json !== null && !Array.isArray(json);

export const toJsonObject = (value: object): JsonObject => {
  const json = toJsonValue(value);
  return isJsonObject(json) ? json : {};
};
