import { createInMemoryEventStore, type InMemoryEventStoreOptions } from '../in-memory';
import type { EventStore } from '../port';

/** What a test may ask of its store; a store that cannot honour it (a server's own clock) ignores it. */
export type TestStoreOptions = InMemoryEventStoreOptions;

/**
 * Where test worlds and histories get their store when a test names none. In memory unless a
 * test runner swaps the factory first: the Jest project that runs the handlers' and
 * projections' specs over EventStoreDB does so in its setup file, so that no spec and no test
 * helper has to import a store adapter.
 */
let factory: (options: TestStoreOptions) => EventStore = createInMemoryEventStore;

export const testStore = (options: TestStoreOptions = {}): EventStore => factory(options);

/** For a test runner's setup: every later `testStore()` comes from `make`. */
export const provideTestStores = (make: (options: TestStoreOptions) => EventStore): void => {
  factory = make;
};
