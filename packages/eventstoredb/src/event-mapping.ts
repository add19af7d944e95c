import * as E from 'fp-ts/Either';
import type { JsonObject, JsonValue, NewEvent, RecordedEvent, StoreError } from '@ssp/eventstore';
import type { ClientEventData, ClientRecordedEvent } from './client-shape';

/**
 * Our events to EventStoreDB's and back.
 *
 * The event id is EventStoreDB's event id, so a retried append is recognised by the server.
 * Correlation and causation are copied into the stored metadata as `$correlationId` and
 * `$causationId`, the names EventStoreDB's own tooling (projections, the UI) understands. On
 * read, a `$correlationId` equal to `correlationId` (and a `$causationId` equal to
 * `causationId`) is recognised as that copy and stripped, so what comes back is exactly what
 * was appended; values written by other tools, with no matching plain field, are kept.
 */

const COPIES = [
  ['correlationId', '$correlationId'],
  ['causationId', '$causationId'],
] as const;

export const toClientEvent = (event: NewEvent): ClientEventData => {
  const copies: Record<string, string> = {};
  for (const [plain, system] of COPIES) {
    const value = event.metadata[plain];
    if (typeof value === 'string') copies[system] = value;
  }
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, ...copies },
  };
};

const withoutCopies = (metadata: JsonObject): JsonObject => {
  const kept: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(metadata)) {
    const copyOf = COPIES.find(([, system]) => system === key)?.[0];
    if (copyOf === undefined || metadata[copyOf] !== value) kept[key] = value;
  }
  return kept;
};

const isJsonValue = (value: unknown): value is JsonValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (Array.isArray(value) && value.every(isJsonValue)) ||
  isJsonObject(value);

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Uint8Array) &&
  Object.values(value).every(isJsonValue);

/**
 * How the server says "unknown" in a uint64 position field: -1 as unsigned. EventStoreDB only
 * fills the positions of events read from a stream since 22.x (EventStore PR #3459).
 */
const NO_POSITION = 2n ** 64n - 1n;

const undecodable = (event: ClientRecordedEvent, why: string): StoreError => ({
  kind: 'Failure',
  message: `event ${event.id} at ${event.streamId}@${event.revision} cannot be read: ${why}`,
});

export const fromClientEvent = (event: ClientRecordedEvent): E.Either<StoreError, RecordedEvent> => {
  if (!event.isJson || !isJsonObject(event.data)) return E.left(undecodable(event, 'its data is not a JSON object'));
  const metadata = event.metadata === undefined ? {} : event.metadata;
  if (!isJsonObject(metadata)) return E.left(undecodable(event, 'its metadata is not a JSON object'));
  if (event.position === undefined || event.position.commit === NO_POSITION) {
    return E.left(undecodable(event, 'the server sent no $all position for it (EventStoreDB before 22.x leaves it out of stream reads)'));
  }
  return E.right({
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: withoutCopies(metadata),
    streamName: event.streamId,
    revision: event.revision,
    position: { commit: event.position.commit, prepare: event.position.prepare },
    ...(event.created instanceof Date && !Number.isNaN(event.created.getTime()) ? { recordedAt: event.created.toISOString() } : {}),
  });
};
