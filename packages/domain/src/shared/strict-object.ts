import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { isRecord } from './decode';
import { fieldLabel } from './text';

/**
 * An object codec that refuses fields it does not know, so that a typo such as `phonenumber`
 * is reported instead of silently ignored, and strips nothing the caller meant.
 *
 * `is` holds exactly when decoding would give the value back unchanged: known fields only,
 * none undefined, each already in its decoded form (ids in lower case, names normalised). Such
 * a value, which is what every stored event and most commands are, is decoded by `is` alone,
 * without the error contexts and copies of a full validation; anything else is validated field
 * by field, so errors read the same either way.
 */
export const strictObject = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional?: O,
) => {
  const shape = t.intersection([t.type(required), t.partial(optional ?? ({} as O))]);
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  type A = t.TypeOf<typeof shape>;
  const onlyKnownFieldsDefined = (u: Readonly<Record<string, unknown>>): boolean => {
    for (const key of Object.keys(u)) if (!known.has(key) || u[key] === undefined) return false;
    return true;
  };
  const is = (u: unknown): u is A => isRecord(u) && onlyKnownFieldsDefined(u) && shape.is(u);
  return new t.Type<A, A, unknown>(
    name,
    is,
    (u, context) => {
      if (is(u)) return t.success(u);
      if (!isRecord(u)) return t.failure(u, context, 'must be an object');
      const unknownKeys = Object.keys(u).filter((key) => !known.has(key));
      const unknownFieldErrors: t.Errors = unknownKeys.map((key) => ({
        value: u[key],
        context: [...context, { key: fieldLabel(key), type: t.never, actual: u[key] }],
        message: `is not a field of ${name}`,
      }));
      // An entry without a key lets error paths skip the intersection's member indexes.
      const decoded = shape.validate(u, [...context, { key: '', type: shape, actual: u }]);
      if (E.isLeft(decoded)) return t.failures([...unknownFieldErrors, ...decoded.left]);
      if (unknownFieldErrors.length > 0) return t.failures(unknownFieldErrors);
      // Optional fields that were absent stay absent instead of appearing as undefined.
      const present = Object.entries(decoded.right).filter(([, value]) => value !== undefined);
      return t.success(Object.fromEntries(present) as A);
    },
    t.identity,
  );
};
