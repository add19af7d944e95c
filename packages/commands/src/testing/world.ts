import type { EventStore } from '@ssp/eventstore';
import { testEventStore } from '@ssp/eventstoredb/testing';
import { createCommandHandler, type CommandHandler, type CommandHandlerOptions } from '../handler';
import { createTestClock, type TestClock } from './clock';
import { sequentialIds } from './ids';

/**
 * One store, one clock the test moves, one sequence of event ids, and as many handlers over
 * them as the test wants: `handler()` is a process starting (or restarting) with an empty
 * cache. Options override the defaults per handler (a failing store wrapper, hooks, …).
 */
export type TestWorld = Readonly<{
  store: EventStore;
  clock: TestClock;
  handler: (options?: Partial<CommandHandlerOptions>) => CommandHandler;
}>;

export const createTestWorld = (start?: string): TestWorld => {
  // In memory, or EventStoreDB in the Jest project that runs these specs through its client.
  const store = testEventStore();
  const clock = createTestClock(start);
  const newId = sequentialIds();
  return {
    store,
    clock,
    handler: (options = {}) => createCommandHandler({ store, clock: clock.now, newId, ...options }),
  };
};
