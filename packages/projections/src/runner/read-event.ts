import * as E from 'fp-ts/Either';
import { describeValidationError, EventMetadata, readDomainEvent } from '@ssp/domain';
import type { RecordedEvent } from '@ssp/eventstore';
import type { ProjectedEvent } from './projection';

/**
 * Reads a stored event the way every consumer must: upcast to the current schema, then
 * decoded with the contract's codecs (`readDomainEvent`), and its metadata decoded too, since
 * the read models show who did what and under which step-up.
 */
export const readProjectedEvent = (recorded: RecordedEvent): E.Either<string, ProjectedEvent> => {
  const event = readDomainEvent(recorded);
  if (E.isLeft(event)) return E.left(event.left.message);
  // Metadata this library wrote is already in its decoded form: `is` alone accepts it.
  const metadata = EventMetadata.is(recorded.metadata) ? E.right(recorded.metadata) : EventMetadata.decode(recorded.metadata);
  if (E.isLeft(metadata)) return E.left(`metadata: ${metadata.left.map((error) => describeValidationError(error, 'metadata')).join('; ')}`);
  return E.right({ event: event.right, metadata: metadata.right, recorded });
};
