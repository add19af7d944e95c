/**
 * The conformance suites every adapter runs from its own spec file. They register Jest
 * `describe`/`it` blocks, so import this only from tests.
 */
export {
  describeEventStoreConformance,
  type ConformanceOptions,
  type EventStoreFixture,
} from './event-store-conformance';
export { describeReadModelStoreConformance, type ReadModelStoreFixture } from './read-model-conformance';
export {
  describeConsumerGroupConformance,
  type ConsumerGroupFixture,
  type GroupsUnderTest,
} from './consumer-group-conformance';
