import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { domainError, type DomainError } from './errors';

const describeExpected = (type: t.Decoder<unknown, unknown>): string => {
  if (type instanceof t.KeyofType) return `one of ${Object.keys(type.keys).join(', ')}`;
  if (type instanceof t.LiteralType) return `"${String(type.value)}"`;
  switch (type.name) {
    case 'Uuid':
      return 'a UUID';
    case 'IsoTime':
      return 'an ISO 8601 UTC time such as 2026-11-28T10:00:00Z';
    case 'PositiveInteger':
      return 'a positive whole number';
    case 'Extension':
      return 'digits only (at most 10)';
    default:
      return type.name;
  }
};

/**
 * The path of the failing field, as a caller wrote it (`data.phoneNumber`), without the
 * member indexes io-ts adds inside unions and intersections.
 */
const pathOf = (context: t.Context): string =>
  context
    .filter((entry, i) => {
      if (i === 0 || entry.key === '') return false;
      const parent = context[i - 1]?.type;
      return !(parent instanceof t.UnionType || parent instanceof t.IntersectionType);
    })
    .map((entry) => entry.key)
    .join('.');

export const describeValidationError = (error: t.ValidationError, root = ''): string => {
  const inner = pathOf(error.context);
  const path = [root, inner].filter((p) => p !== '').join('.') || 'value';
  const last = error.context[error.context.length - 1];
  if (error.value === undefined) return `${path} is required`;
  if (error.message !== undefined) return `${path} ${error.message}`;
  return last === undefined ? `${path} is invalid` : `${path} must be ${describeExpected(last.type)}`;
};

/** Decodes with a codec and turns io-ts's report into one INVALID_COMMAND naming each bad field. */
export const decodeWith =
  <A>(codec: t.Decoder<unknown, A>, root = '') =>
  (input: unknown): E.Either<DomainError, A> =>
    E.mapLeft((errors: t.Errors) =>
      domainError('INVALID_COMMAND', [...new Set(errors.map((e) => describeValidationError(e, root)))].join('; ')),
    )(codec.decode(input));

export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);
