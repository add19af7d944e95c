import type { Position } from '@ssp/eventstore';

/**
 * A document id that sorts like the global order: read-model stores list documents by id,
 * so per-event read models (audit trail, compliance) list in the order things happened.
 */
export const positionKey = (position: Position): string =>
  `${position.commit.toString().padStart(20, '0')}-${position.prepare.toString().padStart(20, '0')}`;
