import type { EventStore } from '../port';
import { appendConformance } from './append-conformance';
import { lifecycleConformance } from './lifecycle-conformance';
import { logChainConformance } from './log-chain-conformance';
import { readArgumentsConformance } from './read-arguments-conformance';
import { readConformance } from './read-conformance';
import { subscriptionConformance } from './subscription-conformance';
import { DEFAULT_TIMEOUT_MS, eachTestFixture } from './support';

export type EventStoreFixture = Readonly<{ store: EventStore; teardown: () => Promise<void> }>;

export type ConformanceOptions = Readonly<{
  /** Per test and per hook. Defaults to 60 s; the suite never asserts on timing. */
  timeoutMs?: number;
  /**
   * The store keeps the global chain (`recordedAt` and `logLink` on every event, see `LogLink`):
   * its rules are checked too. The SQLite and in-memory stores do; EventStoreDB does not.
   */
  globalChain?: boolean;
}>;

/**
 * Registers the event store conformance suite with Jest. `factory` runs before each test and
 * `teardown` after it; the tests only ever touch fresh, randomly named streams, so the factory
 * may connect to the same long-lived server every time. The store it hands back belongs to the
 * test, though: the "after close" tests close it. To share one connection between tests, hand
 * out `closableView(shared)` from `@ssp/eventstore/testing`, which closes on its own.
 */
export const describeEventStoreConformance = (
  name: string,
  factory: () => Promise<EventStoreFixture>,
  options: ConformanceOptions = {},
): void => {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  describe(`${name} conforms to the EventStore port`, () => {
    const store = eachTestFixture<EventStore>(factory, timeout);

    describe('appendToStream', () => appendConformance(store, timeout));
    describe('reading', () => readConformance(store, timeout));
    describe('reading with odd arguments', () => readArgumentsConformance(store, timeout));
    describe('subscribeToAll', () => subscriptionConformance(store, timeout));
    describe('after close', () => lifecycleConformance(store, timeout));
    if (options.globalChain === true) describe('the global chain', () => logChainConformance(store, timeout));
  });
};
