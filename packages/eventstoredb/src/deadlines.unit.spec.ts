import { EventEmitter } from 'node:events';
import type {
  ClientAppendResult,
  ClientRead,
  ClientReads,
  ClientResolvedEvent,
  ClientSubscription,
  EventStoreDbClient,
  KurrentDbClient,
} from './client-shape';
import { DeadlineExceeded, withDeadlines } from './deadlines';

// The timers of deadlines.ts against clients that never answer, on Jest's clock: what the
// deadline specs show over gRPC with a frozen server, here without a server and without time.
const DEADLINE_MS = 1_000;

const never = <A>(): Promise<A> => new Promise<A>(() => undefined);

/** A client subscription as both clients make them: an event emitter the server feeds. */
class FakeSubscription extends EventEmitter implements ClientSubscription {
  readonly readableLength = 0;
  unsubscribed = false;

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }

  destroy(error: Error): void {
    this.emit('error', error);
  }
}

const silentRead = (): ClientRead & Readonly<{ cancelled: () => boolean }> => {
  let cancelled = false;
  return {
    [Symbol.asyncIterator]: () => ({ next: never }),
    cancel: async () => {
      cancelled = true;
    },
    cancelled: () => cancelled,
  };
};

const silentReads = (subscription: ClientSubscription, read: ClientRead = silentRead()): ClientReads => ({
  readStream: () => read,
  readAll: () => read,
  subscribeToAll: () => subscription,
  dispose: never,
});

const appended: ClientAppendResult = { success: true, nextExpectedRevision: 0n, position: { commit: 1n, prepare: 1n } };

/** What a pull or a call settled as, once the clock has moved past the deadline. */
const afterDeadline = async <A>(pending: Promise<A>): Promise<A | unknown> => {
  const settled = pending.then(
    (value) => value,
    (error: unknown) => error,
  );
  await jest.advanceTimersByTimeAsync(DEADLINE_MS + 1);
  return settled;
};

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('deadlines on client calls', () => {
  it('given a read that never yields, when the deadline passes, then the pull fails with DeadlineExceeded and the read is cancelled', async () => {
    const read = silentRead();
    const { client } = withDeadlines({ dialect: 'eventstoredb', client: { ...silentReads(new FakeSubscription(), read), appendToStream: never } }, DEADLINE_MS);

    const pulled = await afterDeadline(client.readStream('Account-1', { fromRevision: 'start', maxCount: 1, direction: 'forwards' })[Symbol.asyncIterator]().next());

    expect(pulled).toBeInstanceOf(DeadlineExceeded);
    expect(read.cancelled()).toBe(true);
  });

  it('given a subscription the server never confirms, when the deadline passes, then it ends with DeadlineExceeded', async () => {
    const subscription = new FakeSubscription();
    const { client } = withDeadlines({ dialect: 'eventstoredb', client: { ...silentReads(subscription), appendToStream: never } }, DEADLINE_MS);
    const errors: unknown[] = [];

    client.subscribeToAll({ fromPosition: 'start', filter: { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 } }).on('error', (error) => errors.push(error));
    await jest.advanceTimersByTimeAsync(DEADLINE_MS + 1);

    expect(errors).toEqual([expect.any(DeadlineExceeded)]);
  });

  it('given a subscription confirmed in time, when it then stays silent past the deadline, then it goes on', async () => {
    const subscription = new FakeSubscription();
    const { client } = withDeadlines({ dialect: 'eventstoredb', client: { ...silentReads(subscription), appendToStream: never } }, DEADLINE_MS);
    const errors: unknown[] = [];
    const data: ClientResolvedEvent[] = [];
    const guarded = client.subscribeToAll({ fromPosition: 'start', filter: { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 } });
    guarded.on('error', (error) => errors.push(error));
    guarded.on('data', (resolved) => data.push(resolved));

    subscription.emit('confirmation');
    await jest.advanceTimersByTimeAsync(10 * DEADLINE_MS);
    subscription.emit('data', {});

    expect(errors).toEqual([]);
    expect(data).toEqual([{}]);
    expect(subscription.unsubscribed).toBe(false);
  });

  it('given the eventstoredb dialect, when appending, then the client gets expectedRevision and the deadline, and no answer ends in DeadlineExceeded', async () => {
    const options: unknown[] = [];
    const client: EventStoreDbClient = {
      ...silentReads(new FakeSubscription()),
      appendToStream: (_streamName, _events, given) => {
        options.push(given);
        return never();
      },
    };
    const guarded = withDeadlines({ dialect: 'eventstoredb', client }, DEADLINE_MS);
    if (guarded.dialect !== 'eventstoredb') throw new Error('the dialect changed');

    const outcome = await afterDeadline(guarded.client.appendToStream('Account-1', [], { expectedRevision: 3n }));

    expect(outcome).toBeInstanceOf(DeadlineExceeded);
    expect(options).toEqual([{ expectedRevision: 3n, deadline: DEADLINE_MS }]);
  });

  it('given the kurrentdb dialect, when appending, then the client gets streamState and the deadline, and its answer comes back', async () => {
    const options: unknown[] = [];
    const client: KurrentDbClient = {
      ...silentReads(new FakeSubscription()),
      appendToStream: async (_streamName, _events, given) => {
        options.push(given);
        return appended;
      },
    };
    const guarded = withDeadlines({ dialect: 'kurrentdb', client }, DEADLINE_MS);
    if (guarded.dialect !== 'kurrentdb') throw new Error('the dialect changed');

    expect(await guarded.client.appendToStream('Account-1', [], { streamState: 'no_stream' })).toEqual(appended);
    expect(options).toEqual([{ streamState: 'no_stream', deadline: DEADLINE_MS }]);
  });

  it('given a dispose that never finishes, when the deadline passes, then it fails with DeadlineExceeded', async () => {
    const { client } = withDeadlines({ dialect: 'eventstoredb', client: { ...silentReads(new FakeSubscription()), appendToStream: never } }, DEADLINE_MS);

    expect(await afterDeadline(client.dispose())).toBeInstanceOf(DeadlineExceeded);
  });
});
