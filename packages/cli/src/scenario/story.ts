import type { StepOutcome } from './run';

const clockOf = (iso: string): string => iso.slice(11, 16);

const commandType = (command: unknown): string =>
  typeof command === 'object' && command !== null && 'type' in command && typeof command.type === 'string' ? command.type : 'command';

/** One step of the demo as a person reads it: what was tried, and what happened and why. */
export const storyOf = (step: StepOutcome, colour: boolean): string => {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const title = step.note ?? commandType(step.line.command);
  const head = `${paint('2', clockOf(step.at))}  ${title}`;
  if (step.result.ok) {
    const events = step.result.events.map((event) => event.type);
    const what = events.length === 0 ? 'nothing to change' : events.join(', ');
    return `${head}\n       ${paint('32', '✔ accepted')}  ${paint('2', what)}`;
  }
  const { code, message } = step.result.error;
  return `${head}\n       ${paint('31', `✘ refused ${code}`)}  ${message}`;
};
