import { describeReadModelStoreConformance } from '../conformance';
import { createInMemoryReadModelStore } from './in-memory-read-model-store';

describeReadModelStoreConformance('in-memory read model store', async () => ({
  store: createInMemoryReadModelStore(),
  teardown: async () => undefined,
}));
