import * as t from 'io-ts';
import { serialisePosition } from '@ssp/eventstore';
import { describeEvent } from '../describe/what';
import { describeWho, StepUpRecord, Who, whoOf } from '../describe/who';
import { positionKey } from '../describe/position-key';
import type { Projection } from '../runner/projection';

/** One line of the audit trail per event, ids ordered like the global order. */
export const AuditTrailEntry = t.intersection([
  t.type({
    position: t.string,
    streamName: t.string,
    revision: t.string,
    eventId: t.string,
    type: t.string,
    commandId: t.string,
    occurredAt: t.string,
    who: Who,
    /** The sentence, with the actor: "administrator … (OWNER) enabled self-service on …". */
    what: t.string,
  }),
  t.partial({ stepUp: StepUpRecord, firstDevice: t.boolean }),
]);
export type AuditTrailEntry = t.TypeOf<typeof AuditTrailEntry>;

export const auditTrailProjection: Projection<AuditTrailEntry> = {
  name: 'audit-trail',
  document: AuditTrailEntry,
  touches: () => [],
  apply: ({ event, metadata, recorded }) => {
    const who = whoOf(metadata.actor);
    const { actor } = metadata;
    const entry: AuditTrailEntry = {
      position: serialisePosition(recorded.position),
      streamName: recorded.streamName,
      revision: recorded.revision.toString(),
      eventId: metadata.eventId,
      type: event.type,
      commandId: metadata.commandId,
      occurredAt: metadata.occurredAt,
      who,
      what: `${describeWho(who)} ${describeEvent(event)}`,
      ...(actor.kind === 'user' && actor.stepUp !== undefined ? { stepUp: actor.stepUp } : {}),
      ...(actor.kind === 'user' && actor.firstDevice === true ? { firstDevice: true } : {}),
    };
    return [[positionKey(recorded.position), entry]];
  },
};
