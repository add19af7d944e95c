import type { RetryTimer } from '../retry';

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

/**
 * A retry timer whose time moves only when the handler pauses: a pause returns at the next
 * turn of the event loop, having advanced the time by its length. A retry budget then counts
 * pauses, never how fast the machine runs the attempts between them.
 */
export type VirtualTimer = RetryTimer & Readonly<{ paused: () => number }>;

export const createVirtualTimer = (): VirtualTimer => {
  let now = 0;
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise((resolve) => {
        now += ms;
        setImmediate(resolve);
      }),
    paused: () => now,
  };
};
