import type * as t from 'io-ts';
import type { DomainEvent, EventMetadata } from '@ssp/domain';
import type { RecordedEvent } from '@ssp/eventstore';

/** An event as a projection sees it: upcast and decoded, with its decoded metadata and where it was stored. */
export type ProjectedEvent = Readonly<{
  event: DomainEvent;
  metadata: EventMetadata;
  recorded: RecordedEvent;
}>;

/** A document to write, or `null` to delete it. */
export type DocumentUpdate<Doc> = readonly [id: string, document: Doc | null];

/**
 * A read model as plain functions, so that the runner owns every effect. `touches` names the
 * documents an event needs to read (the runner loads them first, from the batch in progress
 * or from the store); `apply` answers with the documents it changes. Both are pure, which is
 * what makes a replay and a rebuild from zero give the same documents.
 */
export type Projection<Doc extends object> = Readonly<{
  /** The key of the projection's documents and checkpoint in the read-model store. */
  name: string;
  /**
   * Reads a stored document back; a stored document that does not decode stops the runner.
   * An io-ts codec also has `is`, which the runner tries first: a document it wrote itself
   * passes without a full decode (no error contexts, no copies).
   */
  document: t.Decoder<unknown, Doc> & Readonly<{ is?: t.Is<Doc> }>;
  touches: (projected: ProjectedEvent) => readonly string[];
  apply: (projected: ProjectedEvent, current: (id: string) => Doc | undefined) => ReadonlyArray<DocumentUpdate<Doc>>;
}>;
