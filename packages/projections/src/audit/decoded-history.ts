import * as E from 'fp-ts/Either';
import { isDomainStream } from '@ssp/domain';
import type { RecordedEvent } from '@ssp/eventstore';
import { readProjectedEvent } from '../runner/read-event';
import type { ProjectedEvent } from '../runner/projection';

export type UnreadableEvent = Readonly<{ streamName: string; revision: bigint; reason: string }>;

/**
 * Decodes history for the questions that need meaning (timelines, as-of, compliance). An
 * event that cannot be read is reported, never dropped without a word: answers built on the
 * rest say so.
 */
export const decodeHistory = (
  history: readonly RecordedEvent[],
): Readonly<{ events: readonly ProjectedEvent[]; unreadable: readonly UnreadableEvent[] }> => {
  const events: ProjectedEvent[] = [];
  const unreadable: UnreadableEvent[] = [];
  for (const recorded of history) {
    // Streams beside the domain's (the notifications' outbox) are no part of what the reports tell.
    if (!isDomainStream(recorded.streamName)) continue;
    const projected = readProjectedEvent(recorded);
    if (E.isRight(projected)) events.push(projected.right);
    else unreadable.push({ streamName: recorded.streamName, revision: recorded.revision, reason: projected.left });
  }
  return { events, unreadable };
};
