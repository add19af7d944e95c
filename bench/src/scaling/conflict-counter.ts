import * as TE from 'fp-ts/TaskEither';
import { pipe } from 'fp-ts/function';
import type { EventStore } from '@ssp/eventstore';

/**
 * The store, counting the appends it refuses as WrongExpectedRevision: the handler decides
 * each of those commands again, and its result does not say how often that happened.
 */
export const countingConflicts = (store: EventStore): Readonly<{ store: EventStore; conflicts: () => number }> => {
  let conflicts = 0;
  const counted: EventStore = {
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
    appendToStream: (streamName, events, options) =>
      pipe(
        store.appendToStream(streamName, events, options),
        TE.mapLeft((error) => {
          if (error.kind === 'WrongExpectedRevision') conflicts += 1;
          return error;
        }),
      ),
  };
  return { store: counted, conflicts: () => conflicts };
};
