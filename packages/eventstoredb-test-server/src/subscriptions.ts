import { randomUUID } from 'node:crypto';
import { Metadata, status, type ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, StoredEvent } from './event-log';
import type { EventPredicate } from './read-filter';
import { caughtUpResponse, confirmationResponse, eventResponse, type EncodingOptions } from './wire';

type SubscriptionCall = ServerWritableStream<ReadReq, ReadResp>;

export type FollowOptions = Readonly<{
  /** The events already stored that the subscription must deliver first, in order. */
  history: readonly StoredEvent[];
  /** Which events appended from now on it delivers. */
  isLive: EventPredicate;
  encoding: EncodingOptions;
}>;

export interface SubscriptionRegistry {
  /**
   * Confirms the subscription, sends the history, then `caught_up`, then every matching event
   * as it is appended. History and the live listener are set up in one synchronous step, so no
   * append can fall between them.
   */
  follow(call: SubscriptionCall, options: FollowOptions): void;
  /** Ends every live subscription with UNAVAILABLE, as a node going away would; returns how many. */
  dropAll(): number;
}

export const createSubscriptionRegistry = (log: EventLog): SubscriptionRegistry => {
  const live = new Map<SubscriptionCall, () => void>();

  const detach = (call: SubscriptionCall): void => {
    live.get(call)?.();
    live.delete(call);
  };

  return {
    follow: (call, { history, isLive, encoding }) => {
      call.write(confirmationResponse(randomUUID()));
      for (const event of history) call.write(eventResponse(event, encoding));
      call.write(caughtUpResponse());
      const stopListening = log.onAppended((event) => {
        if (isLive(event)) call.write(eventResponse(event, encoding));
      });
      live.set(call, stopListening);
      call.on('cancelled', () => detach(call));
      call.on('error', () => detach(call));
    },
    dropAll: () => {
      const calls = [...live.keys()];
      for (const call of calls) {
        detach(call);
        const details = 'subscription dropped by the test server';
        call.emit('error', Object.assign(new Error(details), { code: status.UNAVAILABLE, details, metadata: new Metadata() }));
      }
      return calls.length;
    },
  };
};
