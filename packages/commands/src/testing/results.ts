import type { CommandErrorCode, CommandResult, AppendedEvent, CommandError } from '../result';

const describe = (result: CommandResult): string =>
  result.ok ? `ok with ${result.events.map((event) => event.type).join(', ') || 'no events'}` : `${result.error.code}: ${result.error.message}`;

/** The `then` of an accepted command: its events, or a failure that says what came back instead. */
export const accepted = (result: CommandResult): readonly AppendedEvent[] => {
  if (!result.ok) throw new Error(`expected the command to be accepted, but it was refused with ${describe(result)}`);
  return result.events;
};

/** The `then` of a refused command: its error, once the code is the one expected. */
export const refused = (result: CommandResult, code: CommandErrorCode): CommandError => {
  if (result.ok) throw new Error(`expected ${code}, but the command was ${describe(result)}`);
  if (result.error.code !== code) throw new Error(`expected ${code}, but the command was refused with ${describe(result)}`);
  return result.error;
};

export const typesOf = (events: readonly Readonly<{ type: string }>[]): readonly string[] => events.map((event) => event.type);
