import * as E from 'fp-ts/Either';
import type { StoreError, Subscription, SubscriptionMessage, ValidSubscribeOptions } from '@ssp/eventstore';
import { storeErrorOf } from './client-errors';
import type { ClientPosition, ClientReads, ClientResolvedEvent } from './client-shape';
import { isDeliverable, serverFilterOf } from './event-filter';
import { fromClientEvent } from './event-mapping';
import { createMessageQueue } from './message-queue';

export type ResubscribePolicy = Readonly<{
  /** Wait before the first new attempt; each further attempt waits twice as long. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Consecutive failed attempts before the subscription gives up with `dropped`. */
  maxAttempts: number;
}>;

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = { initialDelayMs: 200, maxDelayMs: 10_000, maxAttempts: 10 };

/**
 * A catch-up subscription to `$all` that survives dropped connections: when the client's
 * subscription fails with a transient error, a new one starts, after a backoff, strictly
 * after the last event the server sent, so nothing is repeated or skipped. `caughtUp` is
 * passed on once, after the events that preceded it, whatever the number of resubscriptions.
 * Requires a server that sends caught-up messages (EventStoreDB 23.10 or later).
 */
export const resilientSubscription = (
  client: ClientReads,
  options: ValidSubscribeOptions,
  policy: ResubscribePolicy,
): Subscription => {
  let closed = false;
  let resumeAfter: ClientPosition | 'start' = options.after;
  let caughtUpSent = false;
  let failedAttempts = 0;
  let stopCurrent: () => void = () => undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    queue.abandon();
    stopCurrent();
  };
  const queue = createMessageQueue<SubscriptionMessage>(close);

  const drop = (error: StoreError): void => {
    closed = true;
    queue.push({ kind: 'dropped', error });
    queue.finish();
  };

  const retryOrDrop = (error: StoreError): void => {
    if (closed) return;
    if (error.kind !== 'Unavailable' || failedAttempts >= policy.maxAttempts) {
      drop(error);
      return;
    }
    const delay = Math.min(policy.initialDelayMs * 2 ** failedAttempts, policy.maxDelayMs);
    failedAttempts += 1;
    retryTimer = setTimeout(open, delay);
  };

  const open = (): void => {
    retryTimer = undefined;
    if (closed) return;
    const subscription = client.subscribeToAll({ fromPosition: resumeAfter, filter: serverFilterOf(options.filter) });
    let finished = false;
    let emitted = 0;
    let caughtUpAfter: number | undefined;

    const stop = (): void => {
      finished = true;
      subscription.unsubscribe().catch(() => undefined);
    };
    stopCurrent = stop;

    // The client emits `caughtUp` as soon as it decodes it, while events decoded before it may
    // still wait in its buffer: it is passed on once those have been emitted.
    const passCaughtUpWhenDue = (): void => {
      if (caughtUpAfter === undefined || emitted < caughtUpAfter) return;
      caughtUpAfter = undefined;
      if (!caughtUpSent) {
        caughtUpSent = true;
        queue.push({ kind: 'caughtUp' });
      }
    };

    const onEvent = (resolved: ClientResolvedEvent): void => {
      if (finished) return;
      emitted += 1;
      failedAttempts = 0;
      const event = resolved.event;
      if (event?.position !== undefined) resumeAfter = event.position;
      if (event !== undefined && isDeliverable(event, options.filter)) {
        const decoded = fromClientEvent(event);
        if (E.isLeft(decoded)) {
          stop();
          drop(decoded.left);
          return;
        }
        queue.push({ kind: 'event', event: decoded.right });
      }
      passCaughtUpWhenDue();
    };

    const onLost = (error: StoreError): void => {
      if (finished || closed) return;
      stop();
      retryOrDrop(error);
    };

    subscription.on('data', onEvent);
    subscription.on('caughtUp', () => {
      if (finished) return;
      failedAttempts = 0;
      caughtUpAfter = emitted + subscription.readableLength;
      passCaughtUpWhenDue();
    });
    subscription.on('error', (error) => onLost(storeErrorOf(error)));
    subscription.on('end', () => onLost({ kind: 'Unavailable', message: 'the server ended the subscription' }));
  };

  open();
  return {
    [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator](),
    close,
  };
};
