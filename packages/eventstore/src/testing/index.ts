export { closableView } from './closable-view';
export { namespacedStore } from './namespaced-store';
