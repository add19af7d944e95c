/** A valid, readable UUID (version 4 layout) for tests: `testId(7)` → `00000000-0000-4000-8000-000000000007`. */
export const testId = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
