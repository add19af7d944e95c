/**
 * An unbounded queue read through the async-iterator protocol: the client pushes messages
 * as they arrive, the subscriber pulls them at its own pace.
 */
export interface MessageQueue<T> extends AsyncIterable<T> {
  push(message: T): void;
  /** No more messages: what is buffered is still delivered, then iteration ends. */
  finish(): void;
  /** Iteration ends now: pending pulls get `done` and unread messages are dropped. */
  abandon(): void;
}

export const createMessageQueue = <T>(onReturn: () => Promise<void>): MessageQueue<T> => {
  const buffered: T[] = [];
  const pulls: Array<(result: IteratorResult<T>) => void> = [];
  let ended = false;
  const done: IteratorResult<T> = { done: true, value: undefined };

  const iterator: AsyncIterator<T> = {
    next: () => {
      if (buffered.length > 0) {
        const [message] = buffered.splice(0, 1);
        if (message !== undefined) return Promise.resolve({ done: false, value: message });
      }
      if (ended) return Promise.resolve(done);
      return new Promise((resolve) => pulls.push(resolve));
    },
    // A `break` out of for-await closes the subscription rather than leaking a live follower.
    return: async () => {
      await onReturn();
      return done;
    },
  };

  return {
    push: (message) => {
      if (ended) return;
      const pull = pulls.shift();
      if (pull === undefined) buffered.push(message);
      else pull({ done: false, value: message });
    },
    finish: () => {
      ended = true;
      for (const pull of pulls.splice(0)) pull(done);
    },
    abandon: () => {
      ended = true;
      buffered.length = 0;
      for (const pull of pulls.splice(0)) pull(done);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
};
