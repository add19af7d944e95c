import * as E from 'fp-ts/Either';
import type { EventStore } from '@ssp/eventstore';
import { accountKind, applicationKind, phoneNumberClaimKind, portalSessionKind, userDevicesKind } from './aggregates';
import { storeFailure, type CommandError } from './result';
import { createStreamLoader, type StreamLoader, type StreamSnapshot } from './stream-loader';

/** One cached loader per kind of stream, shared by every command of a handler. */
export const createLoaders = (store: EventStore, capacity?: number) => ({
  account: createStreamLoader(store, accountKind, capacity),
  application: createStreamLoader(store, applicationKind, capacity),
  user: createStreamLoader(store, userDevicesKind, capacity),
  session: createStreamLoader(store, portalSessionKind, capacity),
  claim: createStreamLoader(store, phoneNumberClaimKind, capacity),
});

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads a stream, turning a store failure into the command's failure. */
export const load = async <S>(loader: StreamLoader<S>, streamName: string): Promise<E.Either<CommandError, StreamSnapshot<S>>> => {
  const loaded = await loader.load(streamName);
  return E.isLeft(loaded) ? E.left(storeFailure(loaded.left)) : loaded;
};

/** Loads a stream the command's rules read only when it names one. */
export const loadIfNamed = async <S>(
  loader: StreamLoader<S>,
  streamName: string | undefined,
): Promise<E.Either<CommandError, StreamSnapshot<S> | undefined>> => (streamName === undefined ? E.right(undefined) : load(loader, streamName));
