import { createCommandHandler, type CommandResult } from '@ssp/commands';
import type { EventStore } from '@ssp/eventstore';
import type { ScenarioLine } from './parse';

export type StepOutcome = Readonly<{ line: Extract<ScenarioLine, { kind: 'command' }>; note?: string; at: string; result: CommandResult }>;

/**
 * Runs a parsed scenario against a store, each command at the time parsing resolved for it
 * from the scenario's `$clock` and `$advance` directives.
 */
export const runScenario = async (
  store: EventStore,
  lines: readonly ScenarioLine[],
  onStep: (step: StepOutcome) => void,
): Promise<readonly StepOutcome[]> => {
  let now = '';
  let note: string | undefined;
  const handle = createCommandHandler({ store, clock: () => now });
  const steps: StepOutcome[] = [];
  for (const line of lines) {
    if (line.kind === 'note') {
      note = line.text;
      continue;
    }
    now = line.at;
    const result = await handle(line.command);
    const step = { line, at: now, result, ...(note === undefined ? {} : { note }) };
    note = undefined;
    steps.push(step);
    onStep(step);
  }
  return steps;
};

/** The contract's result line: `{"ok": true, "events": [...]}` or `{"ok": false, "error": {...}}`. */
export const resultLine = (result: CommandResult): string => JSON.stringify(result);
