import * as E from 'fp-ts/Either';
import { IsoTime } from '@ssp/domain';

/**
 * A scenario is JSON Lines: commands, clock directives (`{"$clock": ISO}`, `{"$advance":
 * seconds}`) and, for the demo's narration, `{"$note": "…"}` lines that print nothing when run.
 * Parsing resolves the clock: each command line carries the time it runs at, so a directive
 * that would take the clock somewhere no event can be recorded is refused with its line
 * number before anything runs.
 */
export type ScenarioLine =
  | Readonly<{ kind: 'command'; lineNumber: number; command: unknown; at: string }>
  | Readonly<{ kind: 'note'; lineNumber: number; text: string }>;

export type ScenarioError = Readonly<{ lineNumber: number; message: string }>;

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** A time an event can carry: the ISO 8601 form of a year 0000 to 9999, or nothing. */
const recordable = (ms: number): string | undefined => {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return IsoTime.is(iso) ? iso : undefined;
};

type Parsed = Readonly<{ line?: ScenarioLine; now: string }>;

const parseLine = (text: string, lineNumber: number, now: string): E.Either<ScenarioError, Parsed> => {
  const refuse = (message: string) => E.left({ lineNumber, message: `line ${lineNumber}: ${message}` });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return E.left({ lineNumber, message: `line ${lineNumber} is not JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (isObject(value) && '$clock' in value) {
    const at = typeof value.$clock === 'string' ? recordable(Date.parse(value.$clock)) : undefined;
    return at === undefined ? refuse('$clock must be an ISO 8601 time between the years 0000 and 9999') : E.right({ now: at });
  }
  if (isObject(value) && '$advance' in value) {
    const seconds = value.$advance;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return refuse('$advance must be a number of seconds, zero or more');
    const at = recordable(Date.parse(now) + seconds * 1000);
    return at === undefined ? refuse(`$advance of ${seconds} s takes the clock from ${now} past the year 9999`) : E.right({ now: at });
  }
  if (isObject(value) && '$note' in value) {
    return typeof value.$note === 'string' ? E.right({ now, line: { kind: 'note', lineNumber, text: value.$note } }) : refuse('$note must be a string');
  }
  return E.right({ now, line: { kind: 'command', lineNumber, command: value, at: now } });
};

/**
 * Every line, directives included, is read and checked before anything runs, so that a broken
 * file changes nothing. Commands before the first `$clock` run at `start` (the real time when
 * the CLI runs a file), and time stands still between directives.
 */
export const parseScenario = (text: string, start: string = new Date().toISOString()): E.Either<ScenarioError, readonly ScenarioLine[]> => {
  const lines: ScenarioLine[] = [];
  let now = start;
  const rows = text.split(/\r?\n/);
  for (const [index, row] of rows.entries()) {
    if (row.trim() === '') continue;
    const parsed = parseLine(row, index + 1, now);
    if (E.isLeft(parsed)) return parsed;
    now = parsed.right.now;
    if (parsed.right.line !== undefined) lines.push(parsed.right.line);
  }
  return E.right(lines);
};
