import type { ConsumerGroupSettings, GroupConsumer, GroupDelivery, GroupMessage } from '../consumer-group-port';
import { randomUUID } from 'node:crypto';
import { show } from './support';

/**
 * Helpers for the consumer-group conformance tests: a consumer run in the background as an
 * application would run it, and bounded waits for what it has received. Nothing here waits for
 * time to pass: `eventually` polls a condition and gives up after a bound far above any delay
 * the tests provoke.
 */

/** Long enough that no delivery times out by accident on a slow, shared machine. */
export const PATIENT_TIMEOUT_MS = 30_000;
/** Short enough that a test waiting for a timeout to redeliver finishes quickly. */
export const SHORT_TIMEOUT_MS = 500;

export const freshGroupName = (): string => `conformance-group-${randomUUID()}`;

export const groupSettings = (category: string, overrides: Partial<ConsumerGroupSettings> = {}): ConsumerGroupSettings => ({
  startFrom: 'start',
  filter: { kind: 'streamCategory', categories: [category] },
  maxRetryCount: 3,
  messageTimeoutMs: PATIENT_TIMEOUT_MS,
  ...overrides,
});

/** What a running consumer does with each delivery; it may settle it, or hold it (do nothing). */
export type Handler = (delivery: GroupDelivery) => Promise<void>;

export const ackEach: Handler = (delivery) => delivery.ack();
export const holdEach: Handler = async () => undefined;

export type RunningConsumer = Readonly<{
  /** Every delivery so far, in the order received. */
  deliveries: readonly GroupDelivery[];
  /** Every message, `dropped` included. */
  messages: readonly GroupMessage[];
  /** Whether its iteration has ended. */
  ended: () => boolean;
  /** Ids of the deliveries received, in order. */
  receivedIds: () => string[];
  /** Leaves the group and waits for the loop to finish (failing the test if the handler threw). */
  close: () => Promise<void>;
}>;

/** Runs `for await` over the consumer in the background, handing each delivery to `handle`. */
export const runConsumer = (consumer: GroupConsumer, handle: Handler = ackEach): RunningConsumer => {
  const deliveries: GroupDelivery[] = [];
  const messages: GroupMessage[] = [];
  let ended = false;
  const loop = (async () => {
    try {
      for await (const message of consumer) {
        messages.push(message);
        if (message.kind === 'event') {
          deliveries.push(message);
          await handle(message);
        }
      }
    } finally {
      ended = true;
    }
  })();
  return {
    deliveries,
    messages,
    ended: () => ended,
    receivedIds: () => deliveries.map((delivery) => delivery.event.eventId),
    close: async () => {
      await consumer.close();
      await loop;
    },
  };
};

const POLL_MS = 10;
const GIVE_UP_MS = 20_000;

/** Waits until `condition` holds, polling; fails with `what` (and `detail`) if it never does. */
export const eventually = async (what: string, condition: () => boolean, detail: () => unknown = () => undefined): Promise<void> => {
  const deadline = Date.now() + GIVE_UP_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}; ${show(detail())}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

/** As `eventually`, for a condition that needs the store (the parked list). */
export const eventuallyAsync = async (what: string, condition: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + GIVE_UP_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

export const untilReceived = (running: RunningConsumer, eventIds: readonly string[]): Promise<void> =>
  eventually(
    `the consumer receives ${eventIds.length} events`,
    () => {
      const seen = new Set(running.receivedIds());
      return eventIds.every((id) => seen.has(id));
    },
    () => running.messages.map((message) => (message.kind === 'event' ? message.event.eventId : message)),
  );

/** Every message of a consumer bound to end (one that can only be dropped). */
export const readToEnd = async (consumer: GroupConsumer): Promise<GroupMessage[]> => {
  const messages: GroupMessage[] = [];
  for await (const message of consumer) messages.push(message);
  return messages;
};

/** How many times each id occurs. */
export const countsOf = (ids: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};
