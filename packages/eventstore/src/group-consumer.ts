import type { GroupConsumer, GroupMessage } from './consumer-group-port';

/** What a pull answers: the next message, or `end` when the consumer stops without `dropped`. */
export type Pulled = GroupMessage | 'end';

const finished: IteratorResult<GroupMessage> = { done: true, value: undefined };

/**
 * A `GroupConsumer` over an implementation's `pull`, with the iteration rules every consumer
 * shares: one pull at a time however often `next()` is called, `dropped` as the last message,
 * and once closed (by `close()` or by leaving a for-await loop) nothing more. `leave` must make
 * a pending pull answer `end`, and is called once.
 */
export const pulledGroupConsumer = (pull: () => Promise<Pulled>, leave: () => Promise<void>): GroupConsumer => {
  let closed = false;
  let ended = false;
  let leaving: Promise<void> | undefined;
  let previous: Promise<unknown> = Promise.resolve();

  const close = (): Promise<void> => {
    closed = true;
    return (leaving ??= leave());
  };

  const pullOnce = async (): Promise<IteratorResult<GroupMessage>> => {
    if (closed || ended) return finished;
    const pulled = await pull();
    if (closed) return finished;
    if (pulled === 'end' || pulled.kind === 'dropped') {
      ended = true;
      await close();
    }
    return pulled === 'end' ? finished : { done: false, value: pulled };
  };

  const iterator: AsyncIterator<GroupMessage> = {
    next: () => {
      const result = previous.then(pullOnce, pullOnce);
      previous = result;
      return result;
    },
    return: async () => {
      await close();
      return finished;
    },
  };

  return { [Symbol.asyncIterator]: () => iterator, close };
};
