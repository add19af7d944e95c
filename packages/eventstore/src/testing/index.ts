export { closableView } from './closable-view';
export { namespacedStore } from './namespaced-store';
export { provideTestStores, testStore } from './test-store';
