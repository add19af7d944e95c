import type { RecordedEvent, Subscription, SubscriptionMessage } from '../port';
import { show } from './support';

/**
 * Pulls a subscription's messages one by one, so a test can stop reading at a known point
 * (caught up, a given event seen) instead of waiting for time to pass.
 */
export type SubscriptionReader = Readonly<{
  received: readonly SubscriptionMessage[];
  /** Reads until `enough` holds for everything received so far; fails if the stream ends or drops first. */
  readUntil(enough: (received: readonly SubscriptionMessage[]) => boolean): Promise<readonly SubscriptionMessage[]>;
  readUntilCaughtUp(): Promise<readonly SubscriptionMessage[]>;
  readUntilEvents(eventIds: readonly string[]): Promise<readonly SubscriptionMessage[]>;
  /** The raw next(), for tests about how iteration ends. */
  next(): Promise<IteratorResult<SubscriptionMessage>>;
}>;

export const readerOf = (subscription: Subscription): SubscriptionReader => {
  const iterator = subscription[Symbol.asyncIterator]();
  const received: SubscriptionMessage[] = [];

  const readUntil = async (enough: (received: readonly SubscriptionMessage[]) => boolean) => {
    while (!enough(received)) {
      const result = await iterator.next();
      if (result.done === true) throw new Error(`subscription ended early after ${show(received)}`);
      if (result.value.kind === 'dropped') throw new Error(`subscription dropped: ${show(result.value.error)}`);
      received.push(result.value);
    }
    return received;
  };

  return {
    received,
    readUntil,
    readUntilCaughtUp: () => readUntil((messages) => messages.some((message) => message.kind === 'caughtUp')),
    readUntilEvents: (eventIds) =>
      readUntil((messages) => {
        const seen = new Set(eventsIn(messages).map((event) => event.eventId));
        return eventIds.every((id) => seen.has(id));
      }),
    next: () => iterator.next(),
  };
};

export const eventsIn = (messages: readonly SubscriptionMessage[]): RecordedEvent[] =>
  messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));

/** The messages with events replaced by their ids, which makes order assertions readable. */
export const shapeOf = (messages: readonly SubscriptionMessage[]): string[] =>
  messages.map((message) => (message.kind === 'event' ? message.event.eventId : message.kind));
