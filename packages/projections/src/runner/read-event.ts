import * as E from 'fp-ts/Either';
import { describeValidationError, EventMetadata, isDeeplyFrozen, readDomainEvent } from '@ssp/domain';
import type { RecordedEvent } from '@ssp/eventstore';
import type { ProjectedEvent } from './projection';

/**
 * Records that cannot change, each with what it reads as. A store that hands out the same
 * frozen record on every read (the in-memory store) then has each record checked once for all
 * the projections that follow it (the portal runs four over one store), not once per
 * projection; records built anew on each read (SQLite, EventStoreDB) are checked every time.
 */
const projectedRecords = new WeakMap<RecordedEvent, E.Right<ProjectedEvent>>();

const cannotChange = (recorded: RecordedEvent, projected: ProjectedEvent): boolean =>
  projected.metadata === recorded.metadata &&
  projected.event.data === recorded.data &&
  Object.isFrozen(recorded) &&
  isDeeplyFrozen(recorded.metadata) &&
  isDeeplyFrozen(recorded.data);

/**
 * Reads a stored event the way every consumer must: upcast to the current schema, then
 * decoded with the contract's codecs (`readDomainEvent`), and its metadata decoded too, since
 * the read models show who did what and under which step-up.
 */
export const readProjectedEvent = (recorded: RecordedEvent): E.Either<string, ProjectedEvent> => {
  const known = projectedRecords.get(recorded);
  if (known !== undefined) return known;
  const event = readDomainEvent(recorded);
  if (E.isLeft(event)) return E.left(event.left.message);
  // Metadata this library wrote is already in its decoded form: `is` alone accepts it.
  const metadata = EventMetadata.is(recorded.metadata) ? E.right(recorded.metadata) : EventMetadata.decode(recorded.metadata);
  if (E.isLeft(metadata)) return E.left(`metadata: ${metadata.left.map((error) => describeValidationError(error, 'metadata')).join('; ')}`);
  const projected: ProjectedEvent = { event: event.right, metadata: metadata.right, recorded };
  if (!cannotChange(recorded, projected)) return E.right(projected);
  const kept = Object.freeze({ _tag: 'Right' as const, right: Object.freeze(projected) });
  projectedRecords.set(recorded, kept);
  return kept;
};
