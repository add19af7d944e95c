import * as E from 'fp-ts/Either';
import type { ReactError, ReactReport } from '../react-to';

/** What becomes of a delivery once `reactTo` has answered. */
export type Settlement = Readonly<{ action: 'ack' }> | Readonly<{ action: 'retry' | 'park'; reason: string }>;

/**
 * Acknowledge only when every notice is recorded sent. Try again what time may mend (a sender
 * or store that is down); set aside what it cannot (a recipient the sender refuses, an event
 * no codec reads, a store that refuses the request), for a person to look at and replay.
 */
export const settlementOf = (result: E.Either<ReactError, ReactReport>): Settlement => {
  if (E.isRight(result)) return { action: 'ack' };
  const error = result.left;
  switch (error.kind) {
    case 'Send':
      return { action: error.error.kind === 'Transient' ? 'retry' : 'park', reason: `notice ${error.noticeId}: ${error.error.kind}: ${error.error.message}` };
    case 'Undecodable':
      return { action: 'park', reason: error.message };
    case 'Store': {
      const store = error.error;
      if (store.kind === 'Unavailable') return { action: 'retry', reason: `store unavailable: ${store.message}` };
      // A conflict never escapes the outbox; should one, handling the event again settles it.
      if (store.kind === 'WrongExpectedRevision') return { action: 'retry', reason: `unexpected conflict on ${store.streamName}` };
      return { action: 'park', reason: `store refused: ${store.message}` };
    }
  }
};
