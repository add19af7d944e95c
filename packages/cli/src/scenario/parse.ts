import * as E from 'fp-ts/Either';

/**
 * A scenario is JSON Lines: commands, clock directives (`{"$clock": ISO}`, `{"$advance":
 * seconds}`) and, for the demo's narration, `{"$note": "…"}` lines that print nothing when run.
 */
export type ScenarioLine =
  | Readonly<{ kind: 'command'; lineNumber: number; command: unknown }>
  | Readonly<{ kind: 'clock'; lineNumber: number; at: string }>
  | Readonly<{ kind: 'advance'; lineNumber: number; seconds: number }>
  | Readonly<{ kind: 'note'; lineNumber: number; text: string }>;

export type ScenarioError = Readonly<{ lineNumber: number; message: string }>;

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

const parseLine = (text: string, lineNumber: number): E.Either<ScenarioError, ScenarioLine> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return E.left({ lineNumber, message: `line ${lineNumber} is not JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (isObject(value) && '$clock' in value) {
    const at = value.$clock;
    return typeof at === 'string' && !Number.isNaN(Date.parse(at))
      ? E.right({ kind: 'clock', lineNumber, at: new Date(at).toISOString() })
      : E.left({ lineNumber, message: `line ${lineNumber}: $clock must be an ISO 8601 time` });
  }
  if (isObject(value) && '$advance' in value) {
    const seconds = value.$advance;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
      ? E.right({ kind: 'advance', lineNumber, seconds })
      : E.left({ lineNumber, message: `line ${lineNumber}: $advance must be a number of seconds, zero or more` });
  }
  if (isObject(value) && '$note' in value) {
    return typeof value.$note === 'string'
      ? E.right({ kind: 'note', lineNumber, text: value.$note })
      : E.left({ lineNumber, message: `line ${lineNumber}: $note must be a string` });
  }
  return E.right({ kind: 'command', lineNumber, command: value });
};

/** Every line is read before anything runs, so that a broken file changes nothing. */
export const parseScenario = (text: string): E.Either<ScenarioError, readonly ScenarioLine[]> => {
  const lines: ScenarioLine[] = [];
  const rows = text.split(/\r?\n/);
  for (const [index, row] of rows.entries()) {
    if (row.trim() === '') continue;
    const parsed = parseLine(row, index + 1);
    if (E.isLeft(parsed)) return parsed;
    lines.push(parsed.right);
  }
  return E.right(lines);
};
