import * as E from 'fp-ts/Either';
import type { EventStore } from '@ssp/eventstore';
import { accountKind, applicationKind, phoneNumberClaimKind, portalSessionKind, userDevicesKind } from './aggregates';
import { storeFailure, type CommandError } from './result';
import { createStreamLoader, defaultCacheLimits, type CacheLimits, type StreamLoader, type StreamSnapshot } from './stream-loader';

const kinds = 5;

/**
 * One cached loader per kind of stream, shared by every command of a handler. `entries` holds
 * per kind; `bytes` is the handler's whole budget, shared equally by the five kinds.
 */
export const createLoaders = (store: EventStore, limits: Partial<CacheLimits> = {}) => {
  const perKind: CacheLimits = { entries: limits.entries ?? defaultCacheLimits.entries, bytes: (limits.bytes ?? defaultCacheLimits.bytes * kinds) / kinds };
  return {
    account: createStreamLoader(store, accountKind, perKind),
    application: createStreamLoader(store, applicationKind, perKind),
    user: createStreamLoader(store, userDevicesKind, perKind),
    session: createStreamLoader(store, portalSessionKind, perKind),
    claim: createStreamLoader(store, phoneNumberClaimKind, perKind),
  };
};

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
