import { guardedEventStore } from '../guarded-store';
import type { EventStore } from '../port';

/**
 * A view of a shared store that one user may close: closing it ends the view's own
 * subscriptions and refuses its later calls, while the store stays open for everyone else.
 * For tests that share one connection (one client for a whole spec file) yet must close "their" store.
 */
export const closableView = (inner: EventStore, name = 'view of a shared event store'): EventStore =>
  guardedEventStore(
    name,
    {
      readStream: (streamName, options) => inner.readStream(streamName, options),
      appendToStream: (streamName, events, options) => inner.appendToStream(streamName, events, options),
      readAll: (options) => inner.readAll(options),
      subscribeToAll: (options) => inner.subscribeToAll(options),
    },
    async () => undefined,
  );
