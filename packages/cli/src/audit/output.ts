import { InvalidArgumentError } from 'commander';
import * as E from 'fp-ts/Either';
import { Uuid } from '@ssp/domain';
import { toCsv, type CsvTable } from './csv';

/** `--json` output: one document on stdout, bigints as strings. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2)}\n`);
};

/** `--format csv` output: the table as RFC 4180 writes it. */
export const printCsv = (table: CsvTable): void => {
  process.stdout.write(toCsv(table));
};

export const printLines = (lines: readonly string[]): void => {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
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
