import { Writable } from 'node:stream';
import * as E from 'fp-ts/Either';
import type { GroupConsumer, GroupMessage, StoreError } from '@ssp/eventstore';
import type { ClientGroupEvent, ClientGroupSubscription, ConsumerGroupClient } from './consumer-group-client';
import { groupErrorOf } from './consumer-group-errors';
import { DeadlineExceeded } from './deadlines';
import { isDeliverable } from './event-filter';
import { fromClientEvent } from './event-mapping';
import { createMessageQueue } from './message-queue';

/**
 * How long a leaving consumer waits, after half-closing its call, for the server to end it. The
 * half-close leaves once grpc-js has handed over the acks before it, one per turn of the event
 * loop: a blink, unless the process is starved. EventStoreDB never ends the call by itself, so
 * against it every `close` takes this long; it is short so that a shutdown is not held up.
 */
const LEAVE_GRACE_MS = 500;

/**
 * One consumer of a group: a persistent subscription to `$all` whose events become deliveries.
 * What the group's filter let through but the port never hands out (the server's own `$`
 * records, projection checkpoints) is acknowledged here unseen; an event the adapter cannot
 * decode is parked at once with the reason, since delivering it again would fail again.
 *
 * A subscription the server does not confirm within the deadline, or that fails or ends, ends
 * the consumer with `dropped` (`Unavailable` when the server could not be reached): a process
 * joins again, and the server delivers again what this consumer left unsettled.
 *
 * Leaving must not lose the last acks. The clients' `unsubscribe` cancels the gRPC call, and
 * grpc-js then discards the messages it still holds: it calls a write done as soon as it has
 * buffered it (for retries) and hands the buffer to HTTP/2 one message at a time, so neither
 * the clients' `ack` promise nor a write callback says that an ack has left. Its half-close,
 * though, follows every message written before it. So `close` waits for the settlements it
 * started, half-closes the call, waits for the server to end it, at most `LEAVE_GRACE_MS` (the
 * test server ends it at once; EventStoreDB keeps it until the client cancels), and cancels.
 */
export const joinGroup = (client: ConsumerGroupClient, group: string, bufferSize: number, deadlineMs: number): GroupConsumer => {
  let closed = false;
  let subscription: ClientGroupSubscription | undefined;
  /** Settlements on their way to the server: leaving waits for them, or the server would retry those events. */
  const settling = new Set<Promise<void>>();
  /** The request side of the gRPC call, once the client has piped the call into the subscription. */
  let requests: Writable | undefined;
  let callEnded = (): void => undefined;
  const callOver = new Promise<void>((resolve) => {
    callEnded = resolve;
  });

  const leave = async (): Promise<void> => {
    if (subscription === undefined) return;
    if (requests?.writable === true) {
      requests.end();
      let grace: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([callOver, new Promise<void>((resolve) => (grace = setTimeout(resolve, Math.min(deadlineMs, LEAVE_GRACE_MS))))]);
      clearTimeout(grace);
    }
    await subscription.unsubscribe().catch(() => undefined);
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    clearTimeout(confirmationTimer);
    queue.abandon();
    await Promise.all([...settling]);
    await leave();
  };
  const queue = createMessageQueue<GroupMessage>(close);

  const drop = (error: StoreError): void => {
    if (closed) return;
    closed = true;
    clearTimeout(confirmationTimer);
    queue.push({ kind: 'dropped', error });
    queue.finish();
    subscription?.unsubscribe().catch(() => undefined);
  };

  const confirmationTimer = setTimeout(
    () => drop(groupErrorOf(group, new DeadlineExceeded(`subscribeToPersistentSubscriptionToAll ${group}`, deadlineMs))),
    deadlineMs,
  );

  const settleOnce = (resolved: ClientGroupEvent) => {
    let settled = false;
    // A settlement that cannot reach the server is not an error for the handler: the server
    // delivers the event again after its timeout, which at-least-once delivery allows.
    const once = (settle: () => Promise<void>) => async (): Promise<void> => {
      // Once leaving has begun the call is being half-closed: a write now would never be sent,
      // and the client's write could wait for a drain that never comes. The event goes back to
      // the group unsettled, which at-least-once delivery allows.
      if (settled || closed || subscription === undefined) return;
      settled = true;
      const sent = settle().catch(() => undefined);
      settling.add(sent);
      await sent;
      settling.delete(sent);
    };
    return {
      ack: once(() => subscription?.ack(resolved) ?? Promise.resolve()),
      nack: (action: 'retry' | 'park', reason: string) => once(() => subscription?.nack(action, reason, resolved) ?? Promise.resolve())(),
    };
  };

  const onEvent = (resolved: ClientGroupEvent): void => {
    if (closed || subscription === undefined) return;
    const recorded = resolved.event;
    if (recorded === undefined || !isDeliverable(recorded, undefined)) {
      subscription.ack(resolved).catch(() => undefined);
      return;
    }
    const decoded = fromClientEvent(recorded);
    if (E.isLeft(decoded)) {
      subscription.nack('park', decoded.left.kind === 'Failure' ? decoded.left.message : 'undecodable', resolved).catch(() => undefined);
      return;
    }
    const { ack, nack } = settleOnce(resolved);
    queue.push({ kind: 'event', event: decoded.right, retryCount: resolved.retryCount, ack, nack });
  };

  try {
    subscription = client.subscribeToPersistentSubscriptionToAll(group, { bufferSize });
    subscription.on('pipe', (source) => {
      if (source instanceof Writable) requests = source;
    });
    subscription.on('confirmation', () => clearTimeout(confirmationTimer));
    subscription.on('data', onEvent);
    subscription.on('error', (error) => {
      callEnded();
      drop(groupErrorOf(group, error));
    });
    subscription.on('end', () => {
      callEnded();
      drop({ kind: 'Unavailable', message: `EventStoreDB ended the subscription to the consumer group ${group}` });
    });
  } catch (error) {
    drop(groupErrorOf(group, error));
  }

  return {
    [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator](),
    close,
  };
};

/** A consumer that cannot start: it yields `dropped` with the reason and ends. */
export const droppedConsumer = (error: StoreError): GroupConsumer => {
  const queue = createMessageQueue<GroupMessage>(async () => undefined);
  queue.push({ kind: 'dropped', error });
  queue.finish();
  return { [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator](), close: async () => queue.abandon() };
};

/** A consumer known only once `consumer` settles (after the store was asked whether it is open). */
export const deferredConsumer = (consumer: Promise<GroupConsumer>): GroupConsumer => ({
  [Symbol.asyncIterator]: async function* () {
    yield* await consumer;
  },
  close: async () => (await consumer).close(),
});
