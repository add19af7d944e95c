import * as TE from 'fp-ts/TaskEither';
import { createStoreLifecycle, droppedSubscription, type EventStore, type StoreError } from '@ssp/eventstore';
import { DEFAULT_DEADLINE_MS, within } from './deadlines';

/**
 * The store given for a configuration that cannot work (a connection string the client cannot
 * parse, an impossible deadline): every call answers `Failure` with the reason, and a
 * subscription ends with `dropped`, so that a mistake shows where the store is used instead of
 * as an exception where it is built. `release` disposes of a client it was given anyway.
 *
 * Built on the lifecycle every store shares rather than on `guardedEventStore`: the guard would
 * check arguments first and answer a read of nothing with `[]`, and the bad setting must show
 * on every call. Once closed, it answers as any closed store.
 */
export const unusableStore = (reason: string, release: () => Promise<void> = async () => undefined): EventStore => {
  const refusal: StoreError = { kind: 'Failure', message: reason };
  // The deadline that was refused cannot bound disposing of the client: the default does.
  const lifecycle = createStoreLifecycle('EventStoreDB event store', () =>
    within(DEFAULT_DEADLINE_MS, 'dispose', release()).catch(() => undefined),
  );
  const refuse = <A>(): TE.TaskEither<StoreError, A> => lifecycle.whenOpen(() => TE.left(refusal));
  return {
    readStream: refuse,
    appendToStream: refuse,
    readAll: refuse,
    subscribeToAll: () => lifecycle.track(() => droppedSubscription(refusal)),
    close: lifecycle.close,
  };
};
