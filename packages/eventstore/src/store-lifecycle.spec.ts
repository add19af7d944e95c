import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import type { Subscription, SubscriptionMessage } from './port';
import { createStoreLifecycle } from './store-lifecycle';

const caughtUp: SubscriptionMessage = { kind: 'caughtUp' };

/** An adapter's subscription that ignores close() and yields `count` messages, counting its closes. */
const stubbornSubscription = (count: number) => {
  let closes = 0;
  let left = count;
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => ({
      next: async () => (left-- > 0 ? { done: false, value: caughtUp } : { done: true, value: undefined }),
    }),
    close: async () => {
      closes += 1;
    },
  };
  return { subscription, closes: () => closes };
};

describe('createStoreLifecycle', () => {
  it('given an adapter subscription that still yields after close, when it is closed, then nothing more is delivered', async () => {
    const lifecycle = createStoreLifecycle('test store', async () => undefined);
    const inner = stubbornSubscription(10);
    const subscription = lifecycle.track(() => inner.subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);

    await subscription.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(inner.closes()).toBe(1);
  });

  it('given a subscription that ended by itself, when the store closes, then it is not closed again', async () => {
    const lifecycle = createStoreLifecycle('test store', async () => undefined);
    const inner = stubbornSubscription(1);
    const messages: SubscriptionMessage[] = [];
    for await (const message of lifecycle.track(() => inner.subscription)) messages.push(message);

    await lifecycle.close();
    expect(messages).toEqual([caughtUp]);
    expect(inner.closes()).toBe(0);
  });

  it('given a store closed three times, some at once, then its resources are released once', async () => {
    let releases = 0;
    const lifecycle = createStoreLifecycle('test store', async () => {
      releases += 1;
    });
    await Promise.all([lifecycle.close(), lifecycle.close()]);
    await lifecycle.close();
    expect(releases).toBe(1);
  });

  it('given a task built while open, when it runs after close, then the adapter is never asked', async () => {
    const lifecycle = createStoreLifecycle('test store', async () => undefined);
    let asked = false;
    const task = lifecycle.whenOpen(() => {
      asked = true;
      return TE.right('answer');
    });
    await lifecycle.close();

    expect(await task()).toEqual(E.left({ kind: 'Unavailable', message: 'the test store is closed' }));
    expect(asked).toBe(false);
  });
});
