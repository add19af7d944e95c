import type { EventStore } from '@ssp/eventstore';
import { testStore } from '@ssp/eventstore/testing';
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

/**
 * `store` defaults to the test store: in memory, or whatever the test runner provides (the
 * Jest project that runs these specs over EventStoreDB provides views of one server).
 */
export const createTestWorld = (options: Readonly<{ store?: EventStore; start?: string }> = {}): TestWorld => {
  const store = options.store ?? testStore();
  const clock = createTestClock(options.start);
  const newId = sequentialIds();
  return {
    store,
    clock,
    handler: (overrides = {}) => createCommandHandler({ store, clock: clock.now, newId, ...overrides }),
  };
};
