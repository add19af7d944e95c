import * as t from 'io-ts';
import { validate as isUuid } from 'uuid';
import { codePointLabel, invisibleOrControl } from './text';

/** A string codec that accepts only what `test` accepts; the static type stays `string`. */
const stringMatching = (name: string, test: (s: string) => boolean) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && test(u),
    (u, context) => (typeof u === 'string' && test(u) ? t.success(u) : t.failure(u, context)),
    t.identity,
  );

/**
 * Identifiers are UUID strings chosen by the caller, accepted in either case and decoded to
 * lower case: stream names, uniqueness and reuse rules then see one id however it was typed,
 * where `ABC…` and `abc…` would otherwise open two accounts.
 */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
/** Versions 1 to 8, variant 10xx (8, 9, a, b), in lower case. */
const versionedUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * What `uuid`'s validate accepts, in lower case only: every stored id goes through this on
 * every read. One regular expression without alternatives, then the nil and max UUIDs (which
 * have no version) compared as strings: about a sixth faster than one expression with the
 * three alternatives, and three times faster than a walk over the characters in JavaScript.
 * A property test holds it equal to "decoding gives it back unchanged".
 */
const isLowerCaseUuid = (u: string): boolean => versionedUuid.test(u) || u === NIL_UUID || u === MAX_UUID;

export const Uuid = new t.Type<string, string, unknown>(
  'Uuid',
  (u): u is string => typeof u === 'string' && isLowerCaseUuid(u),
  (u, context) => (typeof u === 'string' && isUuid(u) ? t.success(u.toLowerCase()) : t.failure(u, context)),
  t.identity,
);

/** Times are ISO 8601 UTC strings, e.g. `2026-11-28T10:00:00.000Z` or `2026-11-28T10:00:00Z`. */
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const IsoTime = stringMatching('IsoTime', (s) => isoUtc.test(s) && !Number.isNaN(Date.parse(s)));

/**
 * A display text: normalised to Unicode NFC (so that "é" typed as one character or as "e" and
 * an accent is one name), trimmed, then between 1 and `max` characters, with no control or
 * invisible character. Decoding normalises and trims it.
 */
/**
 * Printable ASCII with no space at either end: already NFC and trimmed, with no control or
 * invisible character. Most names are such, and `is` runs on every stored event read, so
 * those skip the Unicode normalisation, which costs far more than this test.
 */
const plainAscii = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)$/;

const isCanonicalText = (u: string, max: number): boolean =>
  u.length >= 1 && u.length <= max && (plainAscii.test(u) || (u === u.normalize('NFC').trim() && !invisibleOrControl.test(u)));

export const trimmedText = (name: string, max: number) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && isCanonicalText(u, max),
    (u, context) => {
      if (typeof u !== 'string') return t.failure(u, context, 'must be a string');
      const text = u.normalize('NFC').trim();
      if (text.length === 0) return t.failure(u, context, 'must not be empty after trimming');
      if (text.length > max) return t.failure(u, context, `must be at most ${max} characters after trimming`);
      const found = invisibleOrControl.exec(text);
      if (found !== null) {
        return t.failure(u, context, `must not contain control or invisible characters (${codePointLabel(found[0])} at position ${found.index + 1})`);
      }
      return t.success(text);
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
