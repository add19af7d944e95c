import * as E from 'fp-ts/Either';
import type { EventStore, ExpectedRevision, NewEvent } from '@ssp/eventstore';

/**
 * A store through which recording a notice as sent fails `times` times, as if the process
 * died between sending and recording: everything else goes through.
 */
export const failingToRecordSent = (store: EventStore, times = 1): EventStore => {
  let failuresLeft = times;
  return {
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    close: () => store.close(),
    appendToStream: (streamName: string, events: readonly NewEvent[], options: Readonly<{ expectedRevision: ExpectedRevision }>) => {
      const recordsSent = events.some((event) => event.type === 'NotificationSent');
      if (recordsSent && failuresLeft > 0) {
        failuresLeft -= 1;
        return async () => E.left({ kind: 'Unavailable', message: 'the process stopped before recording the notice sent' });
      }
      return store.appendToStream(streamName, events, options);
    },
  };
};
