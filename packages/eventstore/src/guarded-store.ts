import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import type { EventStore, RecordedEvent, StoreError, Subscription } from './port';
import {
  readsNothing,
  validReadAllOptions,
  validReadStreamOptions,
  validSubscribeOptions,
  type ValidReadAllOptions,
  type ValidReadStreamOptions,
  type ValidSubscribeOptions,
} from './read-options';
import { createStoreLifecycle, droppedSubscription } from './store-lifecycle';

/** What an adapter implements itself: its operations, given arguments already checked. */
export type EventStoreOperations = Readonly<{
  readStream(streamName: string, options: ValidReadStreamOptions): TE.TaskEither<StoreError, readonly RecordedEvent[]>;
  appendToStream: EventStore['appendToStream'];
  readAll(options: ValidReadAllOptions): TE.TaskEither<StoreError, readonly RecordedEvent[]>;
  subscribeToAll(options: ValidSubscribeOptions): Subscription;
}>;

/**
 * An `EventStore` made of an adapter's operations and the rules every store shares, applied in
 * this order: a closed store refuses the call (store-lifecycle.ts); bad arguments are refused
 * (read-options.ts); a read that can only be empty answers `[]` without asking the adapter;
 * subscriptions close with the store. The adapter never sees an argument the port refuses.
 * `release` frees the store's resources on `close()`, once; it must not reject.
 */
export const guardedEventStore = (
  storeName: string,
  operations: EventStoreOperations,
  release: () => Promise<void>,
): EventStore => {
  const lifecycle = createStoreLifecycle(storeName, release);

  return {
    readStream: (streamName, options) =>
      lifecycle.whenOpen(() => {
        const valid = validReadStreamOptions(options);
        if (E.isLeft(valid)) return TE.left(valid.left);
        return readsNothing(valid.right) ? TE.right([]) : operations.readStream(streamName, valid.right);
      }),
    appendToStream: (streamName, events, options) =>
      lifecycle.whenOpen(() => operations.appendToStream(streamName, events, options)),
    readAll: (options) =>
      lifecycle.whenOpen(() =>
        pipe(
          TE.fromEither(validReadAllOptions(options)),
          TE.chain((valid) => (readsNothing(valid) ? TE.right([]) : operations.readAll(valid))),
        ),
      ),
    subscribeToAll: (options) =>
      lifecycle.track(() => pipe(validSubscribeOptions(options), E.match(droppedSubscription, operations.subscribeToAll))),
    close: lifecycle.close,
  };
};
