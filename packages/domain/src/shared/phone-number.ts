import * as t from 'io-ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164 form. Decoding accepts what people type: spaces, dashes, dots and
 * parentheses are ignored, and a number without a leading `+` is read as North American (+1).
 * Anything else, or a number that is not valid for its country, fails.
 */

const separators = /[\s\-.()]/g;

export const normalisePhoneNumber = (typed: string): string | undefined => {
  // No number needs more: a longer input is refused before any work is spent on it.
  if (typed.length > 64) return undefined;
  const compact = typed.replace(separators, '');
  if (!/^\+?\d{2,17}$/.test(compact)) return undefined;
  const parsed = parsePhoneNumberFromString(compact, 'US');
  return parsed?.isValid() ? (parsed.number) : undefined;
};

export const PhoneNumber = new t.Type<string, string, unknown>(
  'PhoneNumber',
  (u): u is string => typeof u === 'string' && normalisePhoneNumber(u) === u,
  (u, context) => {
    if (typeof u !== 'string') return t.failure(u, context, 'must be a string');
    const normalised = normalisePhoneNumber(u);
    return normalised === undefined
      ? t.failure(u, context, 'is not a valid phone number (digits, an optional leading +, spaces, dashes, dots, parentheses)')
      : t.success(normalised);
  },
  t.identity,
);

/** The last four digits, for read models that must not show the whole number. */
export const maskPhoneNumber = (number: string): string => `•••${number.slice(-4)}`;
