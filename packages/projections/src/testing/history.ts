import { createCommandHandler, type AppendedEvent, type CommandHandler } from '@ssp/commands';
import { defaultPolicy, type Policy } from '@ssp/domain';
import type { EventStore } from '@ssp/eventstore';
import { testStore } from '@ssp/eventstore/testing';
import { testId } from './ids';

export type TestHistory = Readonly<{
  store: EventStore;
  handle: CommandHandler;
  /** Runs a command and answers its events; throws with the error code when it is refused. */
  run: (type: string, actor: object, data: object) => Promise<readonly AppendedEvent[]>;
  /** Runs a command expected to be refused; answers the error code. */
  refused: (type: string, actor: object, data: object) => Promise<string>;
  now: () => string;
  setTime: (iso: string) => void;
  advance: (seconds: number) => void;
}>;

/**
 * Real commands through `createCommandHandler` over the test store (in memory unless the test
 * runner provides another, see `testStore`), with a clock the test
 * moves and ids that count up, so that histories in tests are the ones production would write.
 */
export const createTestHistory = (
  options: Readonly<{ start?: string; policy?: Policy; store?: EventStore }> = {},
): TestHistory => {
  let time = Date.parse(options.start ?? '2026-11-28T10:00:00.000Z');
  // The store records events at the test's time too, so that two runs write the same history.
  const store = options.store ?? testStore({ clock: () => new Date(time) });
  // Generated ids start high, out of the way of the ids tests choose with `testId`.
  let nextId = 900_000_000;
  const newId = () => testId((nextId += 1));
  const handle = createCommandHandler({
    store,
    clock: () => new Date(time).toISOString(),
    newId,
    policy: options.policy ?? defaultPolicy,
  });
  const send = (type: string, actor: object, data: object) => handle({ type, commandId: newId(), actor, data });
  return {
    store,
    handle,
    run: async (type, actor, data) => {
      const result = await send(type, actor, data);
      if (!result.ok) throw new Error(`${type} refused: ${result.error.code}: ${result.error.message}`);
      return result.events;
    },
    refused: async (type, actor, data) => {
      const result = await send(type, actor, data);
      if (result.ok) throw new Error(`${type} was expected to be refused`);
      return result.error.code;
    },
    now: () => new Date(time).toISOString(),
    setTime: (iso) => {
      time = Date.parse(iso);
    },
    advance: (seconds) => {
      time += seconds * 1000;
    },
  };
};
