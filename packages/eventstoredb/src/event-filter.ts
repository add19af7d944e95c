import { matchesEventFilter, type EventFilter } from '@ssp/eventstore';
import type { ClientFilter, ClientRecordedEvent } from './client-shape';

/**
 * Which events of `$all` the adapter hands out. EventStoreDB's `$all` also holds the server's
 * own records (streams and event types starting with `$`: epochs, stream metadata, links of
 * system projections) and our projection checkpoints; none of these are domain events.
 */

/** Projection checkpoints live in `ReadModelCheckpoint-<projection>` (see checkpoint-store.ts). */
export const CHECKPOINT_CATEGORY = 'ReadModelCheckpoint';

const isBookkeeping = (event: ClientRecordedEvent): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$') || event.streamId.startsWith(`${CHECKPOINT_CATEGORY}-`);

/**
 * The port's own filter, applied to everything the server sends whatever it filtered already:
 * the server's prefixes only narrow what crosses the network.
 */
export const isDeliverable = (event: ClientRecordedEvent, filter: EventFilter | undefined): boolean =>
  !isBookkeeping(event) && matchesEventFilter(filter, { streamName: event.streamId, type: event.type });

/**
 * The server-side filter of a subscription, which spares the network most of what the
 * subscriber does not want. Server prefixes are plain prefixes: the category `Account` is sent
 * as `Account-` so that `AccountArchive-1` does not match; a type prefix still lets
 * `AddedTwice` through for `Added`, which `isDeliverable` then drops. Without a filter, the
 * server is asked to leave out `$` event types; anything else it sends is sorted here.
 */
export const serverFilterOf = (filter: EventFilter | undefined): ClientFilter => {
  if (filter === undefined) return { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 };
  // No stream is named '': an empty list of categories or types matches nothing, as it should.
  if ((filter.kind === 'streamCategory' ? filter.categories : filter.types).length === 0) {
    return { filterOn: 'streamName', regex: '^$', checkpointInterval: 1 };
  }
  switch (filter.kind) {
    case 'streamCategory':
      return { filterOn: 'streamName', prefixes: filter.categories.map((category) => `${category}-`), checkpointInterval: 1 };
    case 'eventType':
      return { filterOn: 'eventType', prefixes: [...filter.types], checkpointInterval: 1 };
  }
};
