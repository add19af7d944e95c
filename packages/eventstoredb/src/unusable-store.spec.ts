import * as E from 'fp-ts/Either';
import type { SubscriptionMessage } from '@ssp/eventstore';
import { unusableStore } from './unusable-store';

const REASON = 'the EventStoreDB deadline must be a whole number of milliseconds, got 0';
const refusal = { kind: 'Failure', message: REASON };

const messagesOf = async (subscription: AsyncIterable<SubscriptionMessage>): Promise<SubscriptionMessage[]> => {
  const messages: SubscriptionMessage[] = [];
  for await (const message of subscription) messages.push(message);
  return messages;
};

describe('unusableStore', () => {
  // A read of nothing included: the guard of other stores would answer it `[]` and hide the mistake.
  it('given a bad setting, when reading, appending or reading all, then each answers Failure naming it', async () => {
    const store = unusableStore(REASON);

    expect(await store.readStream('Account-1')()).toEqual(E.left(refusal));
    expect(await store.readStream('Account-1', { maxCount: 0 })()).toEqual(E.left(refusal));
    expect(await store.appendToStream('Account-1', [], { expectedRevision: 'ANY' })()).toEqual(E.left(refusal));
    expect(await store.readAll({ maxCount: -1 })()).toEqual(E.left(refusal));
  });

  it('given a bad setting, when subscribing, then the subscription says only dropped with the Failure', async () => {
    const store = unusableStore(REASON);

    expect(await messagesOf(store.subscribeToAll())).toEqual([{ kind: 'dropped', error: refusal }]);
  });

  it('given a closed store, when calling or subscribing, then it answers as any closed store', async () => {
    const store = unusableStore(REASON);
    const built = store.readStream('Account-1');

    await store.close();

    const closed = { kind: 'Unavailable', message: 'the EventStoreDB event store is closed' };
    expect(await built()).toEqual(E.left(closed));
    expect(await messagesOf(store.subscribeToAll())).toEqual([{ kind: 'dropped', error: closed }]);
  });

  it('given a subscription not yet read, when the store closes, then it ends without dropped', async () => {
    const store = unusableStore(REASON);
    const subscription = store.subscribeToAll();

    await store.close();

    expect(await messagesOf(subscription)).toEqual([]);
  });

  it('given a client to release that fails to dispose, when closing twice, then it is released once and close settles', async () => {
    let releases = 0;
    const store = unusableStore(REASON, async () => {
      releases += 1;
      throw new Error('dispose failed');
    });

    await store.close();
    await store.close();

    expect(releases).toBe(1);
  });
});
