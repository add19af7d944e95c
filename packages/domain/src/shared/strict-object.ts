import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { isRecord } from './decode';
import { fieldLabel } from './text';

/**
 * An object codec that refuses fields it does not know, so that a typo such as `phonenumber`
 * is reported instead of silently ignored, and strips nothing the caller meant.
 */
export const strictObject = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional?: O,
) => {
  const shape = t.intersection([t.type(required), t.partial(optional ?? ({} as O))]);
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  type A = t.TypeOf<typeof shape>;
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => shape.is(u),
    (u, context) => {
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
