export { closableView } from './closable-view';
export { namespacedStore } from './namespaced-store';
export { provideTestStores, testStore, type TestStoreOptions } from './test-store';
