import * as t from 'io-ts';
import { validate as isUuid } from 'uuid';

/** A string codec that accepts only what `test` accepts; the static type stays `string`. */
const stringMatching = (name: string, test: (s: string) => boolean) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && test(u),
    (u, context) => (typeof u === 'string' && test(u) ? t.success(u) : t.failure(u, context)),
    t.identity,
  );

/** Identifiers are UUID strings chosen by the caller. */
export const Uuid = stringMatching('Uuid', isUuid);

/** Times are ISO 8601 UTC strings, e.g. `2026-11-28T10:00:00.000Z` or `2026-11-28T10:00:00Z`. */
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const IsoTime = stringMatching('IsoTime', (s) => isoUtc.test(s) && !Number.isNaN(Date.parse(s)));

/** A display text: trimmed, then between 1 and `max` characters. Decoding trims it. */
export const trimmedText = (name: string, max: number) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && u === u.trim() && u.length >= 1 && u.length <= max,
    (u, context) => {
      if (typeof u !== 'string') return t.failure(u, context, 'must be a string');
      const trimmed = u.trim();
      if (trimmed.length === 0) return t.failure(u, context, 'must not be empty after trimming');
      if (trimmed.length > max) return t.failure(u, context, `must be at most ${max} characters after trimming`);
      return t.success(trimmed);
    },
    t.identity,
  );

/** Device names: 1 to 64 characters after trimming. */
export const DeviceName = trimmedText('DeviceName', 64);
export const AccountName = trimmedText('AccountName', 128);
export const ApplicationName = trimmedText('ApplicationName', 128);
export const Username = trimmedText('Username', 128);
export const TokenSerial = trimmedText('TokenSerial', 64);

export const PositiveInteger = new t.Type<number, number, unknown>(
  'PositiveInteger',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u > 0,
  (u, context) => (typeof u === 'number' && Number.isInteger(u) && u > 0 ? t.success(u) : t.failure(u, context)),
  t.identity,
);

/** A landline extension: digits only. */
export const Extension = stringMatching('Extension', (s) => /^\d{1,10}$/.test(s));
