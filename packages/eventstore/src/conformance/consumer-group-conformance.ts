import type { ConsumerGroups } from '../consumer-group-port';
import type { EventStore } from '../port';
import { consumerGroupAdminConformance } from './consumer-group-admin-conformance';
import { consumerGroupDeliveryConformance } from './consumer-group-delivery-conformance';
import { consumerGroupFailureConformance } from './consumer-group-failure-conformance';
import type { ConformanceOptions } from './event-store-conformance';
import { DEFAULT_TIMEOUT_MS, eachTestFixture } from './support';

/** A store and its consumer groups, fresh (or a fresh view) for one test; `close` tears both down. */
export type ConsumerGroupFixture = Readonly<{ store: EventStore; groups: ConsumerGroups; close: () => Promise<void> }>;

/** What each test of the suite works with. */
export type GroupsUnderTest = Readonly<{ store: EventStore; groups: ConsumerGroups }>;

/**
 * Registers the consumer-group conformance suite with Jest. `factory` runs before each test
 * and `close` after it. Every test uses a group name of its own and a filter on a category (or
 * event types) of its own, so the suite also holds against a server that already holds other
 * events and groups; it deletes none of the groups it leaves behind but the ones it tests
 * deleting. The "after close" tests close the fixture's store.
 */
export const describeConsumerGroupConformance = (
  name: string,
  factory: () => Promise<ConsumerGroupFixture>,
  options: ConformanceOptions = {},
): void => {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  describe(`${name} conforms to the ConsumerGroups port`, () => {
    const underTest = eachTestFixture<GroupsUnderTest>(async () => {
      const fixture = await factory();
      return { store: { store: fixture.store, groups: fixture.groups }, teardown: fixture.close };
    }, timeout);

    describe('delivering', () => consumerGroupDeliveryConformance(underTest, timeout));
    describe('retrying and parking', () => consumerGroupFailureConformance(underTest, timeout));
    describe('creating, joining and deleting', () => consumerGroupAdminConformance(underTest, timeout));
  });
};
