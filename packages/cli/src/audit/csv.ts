/**
 * CSV as RFC 4180 writes it: records end with CRLF, and a field holding a comma, a double
 * quote, CR or LF is enclosed in double quotes, its own double quotes doubled. Every other field
 * is written as it is, so ids, times and verdicts stay easy to read and to compare.
 *
 * One exception, because auditors open these files in spreadsheets and device names are typed
 * by users: a field that begins with `=`, `+`, `-`, `@`, a tab or CR would be run as a formula
 * (CSV injection), so it is written with a leading `'`, which spreadsheets show as text.
 */
const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

const field = (raw: string): string => {
  const value = formulaStart.test(raw) ? `'${raw}` : raw;
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
};

export type CsvTable = Readonly<{ header: readonly string[]; rows: readonly (readonly string[])[] }>;

/** The table with its header row first; a row shorter or longer than the header is a bug in its caller, so all rows are checked. */
export const toCsv = ({ header, rows }: CsvTable): string => {
  const misshapen = rows.findIndex((row) => row.length !== header.length);
  if (misshapen >= 0) throw new RangeError(`CSV row ${misshapen + 1} has ${rows[misshapen]?.length ?? 0} fields, the header ${header.length}`);
  return [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
};
