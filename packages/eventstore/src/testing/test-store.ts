import { createInMemoryEventStore } from '../in-memory';
import type { EventStore } from '../port';

/**
 * Where test worlds and histories get their store when a test names none. In memory unless a
 * test runner swaps the factory first: the Jest project that runs the handlers' and
 * projections' specs over EventStoreDB does so in its setup file, so that no spec and no test
 * helper has to import a store adapter.
 */
let factory: () => EventStore = createInMemoryEventStore;

export const testStore = (): EventStore => factory();

/** For a test runner's setup: every later `testStore()` comes from `make`. */
export const provideTestStores = (make: () => EventStore): void => {
  factory = make;
};
