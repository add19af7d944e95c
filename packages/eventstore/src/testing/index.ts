export { namespacedStore } from './namespaced-store';
