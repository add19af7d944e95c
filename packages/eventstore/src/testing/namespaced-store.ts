import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import { v5 as uuidv5 } from 'uuid';
import { guardedEventStore } from '../guarded-store';
import type { EventStore, Position, RecordedEvent, StoreError, Subscription, SubscriptionMessage } from '../port';
import { comparePositions } from '../position';

const pageSize = 512;

// Any fixed UUID serves as the namespace for the derived event ids.
const eventIdNamespace = '3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a7b';

/**
 * A view of a shared store in which one test sees only its own streams: every stream name gets
 * the namespace after its category (`UserDevices-<ns>.<id>`, so category filters still work),
 * and every event id is derived from the namespace, because EventStoreDB treats a repeated
 * event id as a retry of the same write. Tests that use fixed ids can then share one server,
 * even a real one that keeps every stream from the runs before.
 */
export const namespacedStore = (inner: EventStore, namespace: string): EventStore => {
  const marker = `${namespace}.`;
  const toInner = (streamName: string): string => {
    const dash = streamName.indexOf('-');
    return dash < 0 ? `${marker}${streamName}` : `${streamName.slice(0, dash + 1)}${marker}${streamName.slice(dash + 1)}`;
  };
  const isOurs = (streamName: string): boolean => streamName.startsWith(marker) || streamName.includes(`-${marker}`);
  const fromInner = (streamName: string): string => streamName.replace(marker, '');
  const outerIds = new Map<string, string>();
  const innerId = (eventId: string): string => {
    const derived = uuidv5(`${namespace}:${eventId}`, eventIdNamespace);
    outerIds.set(derived, eventId);
    return derived;
  };
  const outer = (event: RecordedEvent): RecordedEvent => ({
    ...event,
    streamName: fromInner(event.streamName),
    eventId: outerIds.get(event.eventId) ?? event.eventId,
  });
  const outerError = (error: StoreError): StoreError =>
    error.kind === 'WrongExpectedRevision' || error.kind === 'AppendTooLarge' ? { ...error, streamName: fromInner(error.streamName) } : error;

  return guardedEventStore(
    `namespaced view ${namespace}`,
    {
      readStream: (streamName, options) =>
        TE.bimap(outerError, (events: readonly RecordedEvent[]) => events.map(outer))(inner.readStream(toInner(streamName), options)),
      appendToStream: (streamName, events, options) =>
        TE.mapLeft(outerError)(
          inner.appendToStream(toInner(streamName), events.map((event) => ({ ...event, eventId: innerId(event.eventId) })), options),
        ),
      readAll: ({ from: first, maxCount, filter }) => async () => {
        // Other namespaces' events are skipped, so pages are read until this one is full or history
        // ends. Each next page starts at the last event seen (reads are inclusive), skipping it.
        const wanted = maxCount ?? Number.POSITIVE_INFINITY;
        const found: RecordedEvent[] = [];
        let from = first;
        let seen: Position | undefined;
        for (;;) {
          const page = await inner.readAll({ from, maxCount: pageSize, filter })();
          if (E.isLeft(page)) return page;
          const fresh = page.right.filter((event) => seen === undefined || comparePositions(event.position, seen) > 0);
          for (const event of fresh) if (isOurs(event.streamName) && found.length < wanted) found.push(outer(event));
          const last = page.right[page.right.length - 1];
          if (page.right.length < pageSize || last === undefined || found.length >= wanted) return E.right(found);
          from = last.position;
          seen = last.position;
        }
      },
      subscribeToAll: (options) => {
        const subscription = inner.subscribeToAll(options);
        const filtered = async function* (): AsyncGenerator<SubscriptionMessage> {
          for await (const message of subscription) {
            if (message.kind !== 'event') yield message;
            else if (isOurs(message.event.streamName)) yield { kind: 'event', event: outer(message.event) };
          }
        };
        const messages = filtered();
        const view: Subscription = { [Symbol.asyncIterator]: () => messages, close: () => subscription.close() };
        return view;
      },
    },
    // The shared store belongs to whoever opened it: closing the view ends only the view.
    async () => undefined,
  );
};
