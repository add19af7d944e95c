import type { Position, StoreError } from '@ssp/eventstore';
import { serialisePosition } from '@ssp/eventstore';

/**
 * Why a projection stopped. Each carries a sentence for people; the fields are for machines.
 * An event that cannot be read is never skipped: the read model would silently be wrong.
 */
export type ProjectionError =
  | Readonly<{
      kind: 'Undecodable';
      projection: string;
      streamName: string;
      revision: bigint;
      position: Position;
      reason: string;
      message: string;
    }>
  | Readonly<{ kind: 'CorruptDocument'; projection: string; id: string; reason: string; message: string }>
  | Readonly<{ kind: 'StoreFailed'; projection: string; error: StoreError; message: string }>
  | Readonly<{ kind: 'SubscriptionDropped'; projection: string; error: StoreError; message: string }>;

const storeMessage = (error: StoreError): string => {
  switch (error.kind) {
    case 'WrongExpectedRevision':
      return `wrong expected revision on ${error.streamName}`;
    case 'AppendTooLarge':
      return error.message;
    case 'Unavailable':
    case 'Failure':
      return error.message;
  }
};

export const undecodable = (
  projection: string,
  where: Readonly<{ streamName: string; revision: bigint; position: Position }>,
  reason: string,
): ProjectionError => ({
  kind: 'Undecodable',
  projection,
  streamName: where.streamName,
  revision: where.revision,
  position: where.position,
  reason,
  message:
    `projection ${projection} stopped: event ${where.streamName}@${where.revision} ` +
    `(position ${serialisePosition(where.position)}) cannot be read: ${reason}`,
});

export const storeFailed = (projection: string, error: StoreError): ProjectionError => ({
  kind: 'StoreFailed',
  projection,
  error,
  message: `projection ${projection} stopped: the store failed: ${storeMessage(error)}`,
});

export const subscriptionDropped = (projection: string, error: StoreError): ProjectionError => ({
  kind: 'SubscriptionDropped',
  projection,
  error,
  message: `projection ${projection} stopped: the subscription was dropped: ${storeMessage(error)}`,
});

export const corruptDocument = (projection: string, id: string, reason: string): ProjectionError => ({
  kind: 'CorruptDocument',
  projection,
  id,
  reason,
  message: `projection ${projection} stopped: stored document ${id} does not decode: ${reason}`,
});
