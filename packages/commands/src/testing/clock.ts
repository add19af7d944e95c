/** A clock the test moves by hand. Times are ISO 8601 UTC strings, as the handler wants them. */
export type TestClock = Readonly<{
  now: () => string;
  set: (iso: string) => void;
  advance: (seconds: number) => void;
}>;

export const createTestClock = (start = '2026-11-28T10:00:00.000Z'): TestClock => {
  let current = Date.parse(start);
  return {
    now: () => new Date(current).toISOString(),
    set: (iso) => {
      current = Date.parse(iso);
    },
    advance: (seconds) => {
      current += seconds * 1000;
    },
  };
};
