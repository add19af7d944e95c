import type { JsonObject } from '@ssp/eventstore';
import type { PlainEvent } from '../devices-view';

/** What one command did: the events it appended to the user's stream and to other streams (claims). */
export type Outcome = Readonly<{ ok: true; deviceEvents: number; otherEvents: number }> | Readonly<{ ok: false; error: string }>;

/**
 * One of the compared systems, seen from the workloads: it takes a command as JSON, and can
 * give a user's UserDevices stream back for the correctness check after the timed part.
 */
export type CommandSystem = Readonly<{
  send: (command: JsonObject) => Promise<Outcome>;
  readUserDevices: (userId: string) => Promise<readonly PlainEvent[]>;
  /** Whether the system decides (ours, Emmett) or only stores what it is given (a ceiling). */
  decides: boolean;
  close: () => Promise<void>;
}>;

export const refusal = (error: string): Outcome => ({ ok: false, error });

export const describeThrown = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** The user a device command is for: every command of W1 and W2 names one. */
export const userIdOf = (command: JsonObject): string => {
  const { data } = command;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return '';
  const userId = 'userId' in data ? data.userId : undefined;
  return typeof userId === 'string' ? userId : '';
};
