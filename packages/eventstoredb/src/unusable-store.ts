import * as TE from 'fp-ts/TaskEither';
import type { EventStore, StoreError } from '@ssp/eventstore';

/**
 * The store given for a configuration that cannot work (a connection string the client cannot
 * parse, an impossible deadline): every call answers `Failure` with the reason, and a
 * subscription ends with `dropped`, so that a mistake shows where the store is used instead of
 * as an exception where it is built. `release` disposes of a client it was given anyway.
 */
export const unusableStore = (reason: string, release: () => Promise<void> = async () => undefined): EventStore => {
  const refusal: StoreError = { kind: 'Failure', message: reason };
  return {
    readStream: () => TE.left(refusal),
    appendToStream: () => TE.left(refusal),
    readAll: () => TE.left(refusal),
    subscribeToAll: () => {
      let delivered = false;
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            if (delivered) return { done: true, value: undefined };
            delivered = true;
            return { done: false, value: { kind: 'dropped', error: refusal } };
          },
        }),
        close: async () => {
          delivered = true;
        },
      };
    },
    close: () => release().catch(() => undefined),
  };
};
