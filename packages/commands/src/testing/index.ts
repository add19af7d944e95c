export * from './clock';
export * from './commands';
export * from './ids';
export * from './portal';
export * from './results';
export * from './store-history';
export * from './store-wrappers';
export * from './world';
