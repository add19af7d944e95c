import type { Position, RecordedEvent } from '../port';
import { comparePositions } from '../position';

/**
 * The store's single append-only sequence of events, plus the wake-ups that let live
 * subscriptions sleep until something is appended. Subscriptions read it by index, which is
 * what makes "no gaps, no repeats" hold even when appends race a catch-up.
 */
export type GlobalLog = Readonly<{
  events: readonly RecordedEvent[];
  append(events: readonly RecordedEvent[]): void;
  /** Resolves on the next append, or when `cancel` is called for this waiter. */
  waitForAppend(): Readonly<{ appended: Promise<void>; cancel: () => void }>;
}>;

export const createGlobalLog = (): GlobalLog => {
  const events: RecordedEvent[] = [];
  const waiters = new Set<() => void>();
  return {
    events,
    append(appended) {
      events.push(...appended);
      const woken = [...waiters];
      waiters.clear();
      for (const wake of woken) wake();
    },
    waitForAppend() {
      let wake: () => void = () => undefined;
      const appended = new Promise<void>((resolve) => {
        wake = resolve;
      });
      waiters.add(wake);
      return {
        appended,
        cancel: () => {
          waiters.delete(wake);
          wake();
        },
      };
    },
  };
};

/** Index of the first event at or after `position` (`inclusive`) or strictly after it. */
export const indexFrom = (
  events: readonly RecordedEvent[],
  position: Position | 'start' | undefined,
  bound: 'inclusive' | 'exclusive',
): number => {
  if (position === undefined || position === 'start') return 0;
  const isBeforeBound = (event: RecordedEvent): boolean => {
    const order = comparePositions(event.position, position);
    return bound === 'inclusive' ? order < 0 : order <= 0;
  };
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const event = events[middle];
    if (event !== undefined && isBeforeBound(event)) low = middle + 1;
    else high = middle;
  }
  return low;
};
