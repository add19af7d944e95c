import * as E from 'fp-ts/Either';
import { categoryOf, type EventStore, type StoreError } from '@ssp/eventstore';

type ReadStream = EventStore['readStream'];
type AppendToStream = EventStore['appendToStream'];

/** The same store, with its stream reads or appends replaced: how tests inject failures. */
export const overriding = (
  store: EventStore,
  overrides: Readonly<{ readStream?: ReadStream; appendToStream?: AppendToStream }>,
): EventStore => ({
  readStream: overrides.readStream ?? ((name, options) => store.readStream(name, options)),
  appendToStream: overrides.appendToStream ?? ((name, events, options) => store.appendToStream(name, events, options)),
  readAll: (options) => store.readAll(options),
  subscribeToAll: (options) => store.subscribeToAll(options),
  close: () => store.close(),
});

export const unavailable: StoreError = { kind: 'Unavailable', message: 'the store cannot be reached (injected by the test)' };

/** A store whose every append meets another writer's change: the handler can never win. */
export const alwaysConflicting = (store: EventStore): Readonly<{ store: EventStore; appendAttempts: () => number }> => {
  let attempts = 0;
  return {
    store: overriding(store, {
      appendToStream: (streamName, _events, { expectedRevision }) => async () => {
        attempts += 1;
        return E.left({ kind: 'WrongExpectedRevision', streamName, expected: expectedRevision, actual: 999n });
      },
    }),
    appendAttempts: () => attempts,
  };
};

/** Appends to streams of `category` fail with `error` (the first `times` of them, or all). */
export const failingAppendsTo = (store: EventStore, category: string, error: StoreError, times = Infinity): EventStore => {
  let failed = 0;
  return overriding(store, {
    appendToStream: (streamName, events, options) => {
      if (categoryOf(streamName) !== category || failed >= times) return store.appendToStream(streamName, events, options);
      failed += 1;
      return async () => E.left(error);
    },
  });
};

/** Reads of streams of `category` fail with `error`. */
export const failingReadsOf = (store: EventStore, category: string, error: StoreError): EventStore =>
  overriding(store, {
    readStream: (streamName, options) =>
      categoryOf(streamName) === category ? async () => E.left(error) : store.readStream(streamName, options),
  });

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every read and append waits a turn of the event loop first, as real I/O does. Two handlers
 * over such a store interleave like two processes: both read, then both try to append.
 * Counts the appends the store refused for a wrong expected revision.
 */
export const withIoLatency = (store: EventStore): Readonly<{ store: EventStore; conflicts: () => number }> => {
  let conflicts = 0;
  return {
    store: overriding(store, {
      readStream: (streamName, options) => async () => {
        await nextTurn();
        return store.readStream(streamName, options)();
      },
      appendToStream: (streamName, events, options) => async () => {
        await nextTurn();
        const appended = await store.appendToStream(streamName, events, options)();
        if (E.isLeft(appended) && appended.left.kind === 'WrongExpectedRevision') conflicts += 1;
        return appended;
      },
    }),
    conflicts: () => conflicts,
  };
};

/**
 * Runs `interloper` once, just before the first append to `streamName` reaches the store: a
 * write by someone else between this handler's read and its append, at a moment the test
 * chooses.
 */
export const interleavingBeforeFirstAppend = (store: EventStore, streamName: string, interloper: () => Promise<void>): EventStore => {
  let done = false;
  return overriding(store, {
    appendToStream: (name, events, options) => async () => {
      if (name === streamName && !done) {
        done = true;
        await interloper();
      }
      return store.appendToStream(name, events, options)();
    },
  });
};

/**
 * The store goes down for writes right after the first append that `trigger` accepts has
 * succeeded: every later append is Unavailable. Models a crash of the store (or the network)
 * between two appends, so that no compensation can be written either.
 */
export const goingDownAfter = (store: EventStore, trigger: (streamName: string) => boolean): EventStore => {
  let down = false;
  return overriding(store, {
    appendToStream: (streamName, events, options) => async () => {
      if (down) return E.left(unavailable);
      const appended = await store.appendToStream(streamName, events, options)();
      if (E.isRight(appended) && trigger(streamName)) down = true;
      return appended;
    },
  });
};
