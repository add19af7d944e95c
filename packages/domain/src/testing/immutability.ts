/** Freezes a value and everything it holds, as the in-memory store freezes what it keeps. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/**
 * Changes a field behind the types' back, as a careless caller or an adapter's bug might: for
 * tests that a record read once is checked again once it has changed.
 */
export const scribble = (target: object, field: string, value: unknown): void => {
  Reflect.set(target, field, value);
};
