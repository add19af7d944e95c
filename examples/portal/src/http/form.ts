import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describeValidationError } from '@ssp/domain';

/** A form that does not have the fields a route reads: refused before anything is sent. */
export type FormError = Readonly<{ kind: 'FormError'; message: string }>;

/**
 * Decodes a posted form against the fields a route reads, and nothing else: a field missing,
 * given twice (an array), or of the wrong kind is refused naming the field. Extra fields are
 * dropped, and nothing the form says about who is acting is ever read.
 */
export const decodeForm = <P extends t.Props>(codec: t.TypeC<P>, body: unknown): E.Either<FormError, t.TypeOf<t.TypeC<P>>> => {
  // Exact: the fields named and no others (the CSRF token and anything added are dropped).
  const decoded = t.exact(codec).decode(typeof body === 'object' && body !== null ? body : {});
  return E.isRight(decoded)
    ? decoded
    : E.left({ kind: 'FormError', message: decoded.left.map((error) => describeValidationError(error)).join('; ') });
};

/** A text field: one string. */
export const text = t.string;

/** A checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = t.union([t.literal('on'), t.undefined]);
