import * as t from 'io-ts';
import { RecordedActor } from './actor';
import { IsoTime, PositiveInteger, Uuid } from './values';

/**
 * The metadata every stored event carries (contract). `previousHash` and `hash` chain each
 * event to the one before it in its stream, so that an auditor can tell whether history was
 * altered after it was written.
 */
export const EventMetadata = t.intersection(
  [
    t.type({
      eventId: Uuid,
      commandId: Uuid,
      correlationId: Uuid,
      causationId: Uuid,
      occurredAt: IsoTime,
      schemaVersion: PositiveInteger,
      actor: RecordedActor,
    }),
    t.partial({ commandDigest: t.string, previousHash: t.string, hash: t.string }),
  ],
  'EventMetadata',
);
export type EventMetadata = t.TypeOf<typeof EventMetadata>;
