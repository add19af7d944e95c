import { InvalidArgumentError } from 'commander';
import * as E from 'fp-ts/Either';
import { Uuid } from '@ssp/domain';

/** `--json` output: one document on stdout, bigints as strings. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2)}\n`);
};

export const printLines = (lines: readonly string[]): void => {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
};

/** An ISO 8601 time from the command line, refused with a message when it is not one. */
export const parseAsOf = (text: string): string => {
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) throw new Error(`--as-of must be an ISO 8601 time, such as 2026-11-28T10:00:00Z; got "${text}"`);
  return new Date(millis).toISOString();
};

/**
 * An id given on the command line, as the store holds it: a UUID in lower case, whatever case
 * the auditor typed (ids are canonical from decoding on, so `ABC…` names the same user as
 * `abc…`). Commander reports the refusal with the option's name.
 */
export const parseId = (text: string): string => {
  const decoded = Uuid.decode(text);
  if (E.isLeft(decoded)) throw new InvalidArgumentError(`must be a UUID; got ${JSON.stringify(text.slice(0, 40))}`);
  return decoded.right;
};
