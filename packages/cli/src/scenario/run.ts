import { createCommandHandler, type CommandResult } from '@ssp/commands';
import type { EventStore } from '@ssp/eventstore';
import type { ScenarioLine } from './parse';

export type StepOutcome = Readonly<{ line: Extract<ScenarioLine, { kind: 'command' }>; note?: string; at: string; result: CommandResult }>;

/**
 * Runs a parsed scenario against a store with a clock the scenario controls: `$clock` sets
 * it, `$advance` moves it on, and time stands still between them. Without a `$clock`, it
 * starts at the real time.
 */
export const runScenario = async (
  store: EventStore,
  lines: readonly ScenarioLine[],
  onStep: (step: StepOutcome) => void,
  start: string = new Date().toISOString(),
): Promise<readonly StepOutcome[]> => {
  let now = start;
  let note: string | undefined;
  const handle = createCommandHandler({ store, clock: () => now });
  const steps: StepOutcome[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'clock':
        now = line.at;
        break;
      case 'advance':
        now = new Date(Date.parse(now) + line.seconds * 1000).toISOString();
        break;
      case 'note':
        note = line.text;
        break;
      case 'command': {
        const result = await handle(line.command);
        const step = { line, at: now, result, ...(note === undefined ? {} : { note }) };
        note = undefined;
        steps.push(step);
        onStep(step);
        break;
      }
    }
  }
  return steps;
};

/** The contract's result line: `{"ok": true, "events": [...]}` or `{"ok": false, "error": {...}}`. */
export const resultLine = (result: CommandResult): string => JSON.stringify(result);
