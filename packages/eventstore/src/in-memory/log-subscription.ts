import type { EventFilter, Subscription, SubscriptionMessage } from '../port';
import { matchesFilter } from './event-filter';
import type { GlobalLog } from './global-log';

export type LogSubscription = Subscription & Readonly<{ isClosed: () => boolean }>;

/**
 * Follows the global log from `startIndex`. History is what the log held when the
 * subscription was created; `caughtUp` is sent once that much has been read, whatever was
 * appended meanwhile is delivered after it, in order, because the cursor is a log index.
 */
export const subscribeToLog = (
  log: GlobalLog,
  startIndex: number,
  filter: EventFilter | undefined,
  onClose: () => void,
): LogSubscription => {
  const historyEnd = log.events.length;
  let cursor = startIndex;
  let caughtUpSent = false;
  let closed = false;
  let cancelWait: () => void = () => undefined;
  // Serialises next() calls: the async-iterator protocol allows a caller not to await one
  // before asking for the following one, and two pulls must never share a cursor step.
  let previousPull: Promise<unknown> = Promise.resolve();

  const finished: IteratorResult<SubscriptionMessage> = { done: true, value: undefined };

  const pull = async (): Promise<IteratorResult<SubscriptionMessage>> => {
    for (;;) {
      if (closed) return finished;
      if (!caughtUpSent && cursor >= historyEnd) {
        caughtUpSent = true;
        return { done: false, value: { kind: 'caughtUp' } };
      }
      const event = log.events[cursor];
      if (event !== undefined) {
        cursor += 1;
        if (matchesFilter(filter, event)) return { done: false, value: { kind: 'event', event } };
        continue;
      }
      const wait = log.waitForAppend();
      cancelWait = wait.cancel;
      await wait.appended;
    }
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    cancelWait();
    onClose();
  };

  const iterator: AsyncIterator<SubscriptionMessage> = {
    next: () => {
      const result = previousPull.then(pull);
      previousPull = result;
      return result;
    },
    // Called by `break` in a for-await loop: leaving the loop must not leak a live follower.
    return: async () => {
      await close();
      return finished;
    },
  };

  return {
    [Symbol.asyncIterator]: () => iterator,
    close,
    isClosed: () => closed,
  };
};
