import { randomUUID } from 'node:crypto';
import { compareLogPositions, type EventLog, type StoredEvent } from './event-log';
import type { EventPredicate } from './read-filter';
import { linkTarget } from './linked-read';
import { visibleEvents } from './stream-metadata';

/**
 * One persistent subscription group to `$all`, with the semantics of EventStoreDB's
 * `PersistentSubscription` that clients can observe: round robin among consumers that have room
 * in their buffer, retries before new events, a message timeout that counts as a retry, parking
 * once the retries run out (or when a consumer asks), and replaying what was parked with its
 * retry count reset. It keeps its place as an index into the log rather than in a checkpoint
 * stream: the test server never restarts, so nothing needs to be reloaded.
 */

export type GroupSettings = Readonly<{
  matches: EventPredicate;
  maxRetryCount: number;
  messageTimeoutMs: number;
  /** 0 for no limit, as on the server. */
  maxSubscriberCount: number;
}>;

/** What a consumer is sent: an event and how many times it was retried before. */
export type GroupConsumerSink = Readonly<{
  deliver: (event: StoredEvent, retryCount: number) => void;
  /** The group is gone or changed: the consumer's call must end with this reason. */
  drop: (reason: 'deleted' | 'updated') => void;
}>;

export type NackAction = 'park' | 'retry' | 'skip' | 'stop';

export type ConsumerLoad = Readonly<{ bufferSize: number; inFlight: number }>;

export interface PersistentGroup {
  settings(): GroupSettings;
  /** The group has its maximum of consumers (`maxSubscriberCount`, 0 for no limit). */
  isFull(): boolean;
  /** Each consumer's buffer and how much of it is taken, in the order they joined, for GetInfo. */
  connections(): readonly ConsumerLoad[];
  /** Adds a consumer, whose id it answers, and delivers to it at once what it can. */
  connect(sink: GroupConsumerSink, bufferSize: number): number;
  disconnect(consumerId: number): void;
  ack(eventIds: readonly string[]): void;
  nack(eventIds: readonly string[], action: NackAction, reason: string): void;
  /** Delivers again every event parked since the last replay, up to `stopAt` (a revision of the parked stream). */
  replayParked(stopAt: bigint | undefined): void;
  /** New settings, as EventStoreDB applies them: every consumer is dropped and its events retried. */
  update(settings: GroupSettings): void;
  /** Drops every consumer and forgets the parked events. */
  delete(): void;
}

type Pending = Readonly<{ event: StoredEvent; retryCount: number }>;
type Outstanding = Pending & Readonly<{ consumerId: number; deadline: number }>;
type Consumer = { id: number; sink: GroupConsumerSink; bufferSize: number; inFlight: Set<string> };

/** The text EventStoreDB stores for events parked at a consumer's request, before its reason. */
export const CLIENT_PARK_PREFIX = "Client explicitly NAK'ed message.\n";

export const parkedStreamOf = (group: string): string => `$persistentsubscription-$all::${group}-parked`;

export const createPersistentGroup = (
  log: EventLog,
  group: string,
  initial: GroupSettings,
  startIndex: number,
): PersistentGroup => {
  let settings = initial;
  /** Index in `log.all()` of the next event the group has not looked at. */
  let cursor = startIndex;
  const retries: Pending[] = [];
  const outstanding = new Map<string, Outstanding>();
  let consumers: Consumer[] = [];
  let nextConsumerId = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pumping = false;
  let pumpAgain = false;
  const parkedStream = parkedStreamOf(group);

  const park = (pending: Pending, reason: string): void => {
    const { event } = pending;
    const metadata = { Added: new Date().toISOString(), Reason: reason, SubscriptionEventNumber: Number(event.revision) };
    log.append(parkedStream, { kind: 'any' }, [
      {
        eventId: randomUUID(),
        type: '$>',
        contentType: 'application/octet-stream',
        data: Uint8Array.from(Buffer.from(`${event.revision}@${event.streamName}`, 'utf8')),
        customMetadata: Uint8Array.from(Buffer.from(JSON.stringify(metadata), 'utf8')),
      },
    ]);
  };

  const release = (eventId: string): Outstanding | undefined => {
    const message = outstanding.get(eventId);
    if (message === undefined) return undefined;
    outstanding.delete(eventId);
    for (const consumer of consumers) consumer.inFlight.delete(eventId);
    return message;
  };

  /** A retry that would exceed the maximum parks the event instead, as `ActionTakenForRetriedMessage` does. */
  const retryOrPark = (message: Pending): void => {
    if (message.retryCount >= settings.maxRetryCount) park(message, `Reached retry count of ${settings.maxRetryCount}`);
    else retries.push({ event: message.event, retryCount: message.retryCount + 1 });
  };

  const nextNew = (): Pending | undefined => {
    const all = log.all();
    while (cursor < all.length) {
      const event = all[cursor];
      cursor += 1;
      if (event !== undefined && settings.matches(event)) return { event, retryCount: 0 };
    }
    return undefined;
  };

  /** Round robin: the consumer after the last one served that has room, as `RoundRobinPersistentSubscriptionConsumerStrategy`. */
  const consumerWithRoom = (): Consumer | undefined => {
    for (let tried = 0; tried < consumers.length; tried += 1) {
      const consumer = consumers.shift();
      if (consumer === undefined) return undefined;
      consumers.push(consumer);
      if (consumer.inFlight.size < consumer.bufferSize) return consumer;
    }
    return undefined;
  };

  const send = (consumer: Consumer, message: Pending): void => {
    const eventId = message.event.eventId;
    // An event id already in flight is not sent twice, as the server's OutstandingMessageCache refuses duplicates.
    if (outstanding.has(eventId)) return;
    consumer.inFlight.add(eventId);
    outstanding.set(eventId, { ...message, consumerId: consumer.id, deadline: Date.now() + settings.messageTimeoutMs });
    consumer.sink.deliver(message.event, message.retryCount);
  };

  const pump = (): void => {
    // Parking appends to the log, whose listener calls pump again: that call is folded into this one.
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        for (let consumer = consumerWithRoom(); consumer !== undefined; consumer = consumerWithRoom()) {
          const message = retries.shift() ?? nextNew();
          if (message === undefined) break;
          send(consumer, message);
        }
      } while (pumpAgain);
    } finally {
      pumping = false;
    }
    scheduleTimeouts();
  };

  const expire = (): void => {
    timer = undefined;
    const now = Date.now();
    const expired = [...outstanding.values()].filter((message) => message.deadline <= now);
    for (const message of expired) {
      release(message.event.eventId);
      retryOrPark(message);
    }
    pump();
  };

  const scheduleTimeouts = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (outstanding.size === 0) return;
    const earliest = Math.min(...[...outstanding.values()].map((message) => message.deadline));
    timer = setTimeout(expire, Math.max(0, earliest - Date.now()));
  };

  const stopListening = log.onAppended(() => pump());

  const dropAll = (reason: 'deleted' | 'updated'): void => {
    const leaving = consumers;
    consumers = [];
    for (const consumer of leaving) consumer.sink.drop(reason);
  };

  /** What a leaving consumer held goes back to the others at once, counted as a retry (`RemoveClientByCorrelationId`). */
  const requeueInFlightOf = (consumer: Consumer): void => {
    const held = [...consumer.inFlight]
      .map((eventId) => release(eventId))
      .filter((message): message is Outstanding => message !== undefined)
      .sort((a, b) => compareLogPositions(a.event.position, b.event.position));
    for (const message of held) retries.push({ event: message.event, retryCount: message.retryCount + 1 });
  };

  return {
    settings: () => settings,
    isFull: () => settings.maxSubscriberCount > 0 && consumers.length >= settings.maxSubscriberCount,
    connections: () =>
      [...consumers].sort((a, b) => a.id - b.id).map((consumer) => ({ bufferSize: consumer.bufferSize, inFlight: consumer.inFlight.size })),
    connect: (sink, bufferSize) => {
      const consumer: Consumer = { id: nextConsumerId, sink, bufferSize: Math.max(1, bufferSize), inFlight: new Set() };
      nextConsumerId += 1;
      consumers.push(consumer);
      pump();
      return consumer.id;
    },
    disconnect: (consumerId) => {
      const consumer = consumers.find((candidate) => candidate.id === consumerId);
      if (consumer === undefined) return;
      consumers = consumers.filter((candidate) => candidate !== consumer);
      requeueInFlightOf(consumer);
      pump();
    },
    ack: (eventIds) => {
      for (const eventId of eventIds) release(eventId);
      pump();
    },
    nack: (eventIds, action, reason) => {
      for (const eventId of eventIds) {
        const message = release(eventId);
        if (message === undefined) continue;
        // `stop` is accepted and does nothing more than `skip` on the server either (its StopSubscription is empty).
        if (action === 'retry') retryOrPark(message);
        else if (action === 'park') park(message, `${CLIENT_PARK_PREFIX}${reason}`);
      }
      pump();
    },
    replayParked: (stopAt) => {
      const parked = visibleParked();
      const end = parked.at(-1)?.revision;
      if (end === undefined) return;
      const replayed = parked.filter((link) => stopAt === undefined || link.revision < stopAt);
      for (const link of replayed) {
        const target = linkTarget(log, link);
        if (target !== undefined) retries.push({ event: target, retryCount: 0 });
      }
      const last = replayed.at(-1);
      if (last !== undefined) truncateParked(last.revision + 1n);
      pump();
    },
    update: (next) => {
      settings = next;
      for (const consumer of consumers) requeueInFlightOf(consumer);
      dropAll('updated');
      pump();
    },
    delete: () => {
      stopListening();
      if (timer !== undefined) clearTimeout(timer);
      outstanding.clear();
      retries.length = 0;
      dropAll('deleted');
      const last = log.stream(parkedStream).at(-1);
      if (last !== undefined) truncateParked(last.revision + 1n);
    },
  };

  function visibleParked(): readonly StoredEvent[] {
    return visibleEvents(log, parkedStream);
  }

  /** Replayed (or deleted) parked events are hidden as the server hides them: `$tb` in the stream's metadata. */
  function truncateParked(before: bigint): void {
    log.append(`$$${parkedStream}`, { kind: 'any' }, [
      {
        eventId: randomUUID(),
        type: '$metadata',
        contentType: 'application/json',
        data: Uint8Array.from(Buffer.from(JSON.stringify({ $tb: Number(before) }), 'utf8')),
        customMetadata: new Uint8Array(),
      },
    ]);
  }
};
