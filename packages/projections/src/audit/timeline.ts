import { streams } from '@ssp/domain';
import { describeEvent } from '../describe/what';
import { describeStepUp, describeWho, whoOf, type StepUpRecord, type Who } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';

export type TimelineSubject =
  | Readonly<{ kind: 'user'; userId: string }>
  | Readonly<{ kind: 'application'; applicationId: string }>
  | Readonly<{ kind: 'account'; accountId: string }>;

export type TimelineEntry = Readonly<{
  occurredAt: string;
  streamName: string;
  revision: string;
  type: string;
  who: Who;
  what: string;
  stepUp?: StepUpRecord;
  firstDevice?: boolean;
}>;

const stringField = (data: object, field: string): string | undefined => {
  const value: unknown = Object.entries(data).find(([key]) => key === field)?.[1];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Which streams and events concern the subject. A user's story is their devices stream and
 * their portal sessions; an application's is its stream and the sessions opened through it;
 * an account's is everything that names it, plus the streams of its users and applications.
 */
const relevance = (subject: TimelineSubject, events: readonly ProjectedEvent[]): ((projected: ProjectedEvent) => boolean) => {
  switch (subject.kind) {
    case 'user': {
      const own = streams.userDevices(subject.userId);
      return ({ event, recorded }) =>
        recorded.streamName === own || (recorded.streamName.startsWith('PortalSession-') && stringField(event.data, 'userId') === subject.userId);
    }
    case 'application': {
      const own = streams.application(subject.applicationId);
      return ({ event, recorded }) =>
        recorded.streamName === own ||
        (recorded.streamName.startsWith('PortalSession-') && stringField(event.data, 'applicationId') === subject.applicationId);
    }
    case 'account': {
      const members = new Set<string>([streams.account(subject.accountId)]);
      for (const { event } of events) {
        if (stringField(event.data, 'accountId') !== subject.accountId) continue;
        if (event.type === 'UserRegistered') members.add(streams.userDevices(event.data.userId));
        if (event.type === 'ApplicationRegistered') members.add(streams.application(event.data.applicationId));
        if (event.type === 'PortalSessionStarted') members.add(streams.portalSession(event.data.sessionId));
      }
      return ({ event, recorded }) => members.has(recorded.streamName) || stringField(event.data, 'accountId') === subject.accountId;
    }
  }
};

/** The subject's history in the order it happened, each event as who did what, and under which step-up. */
export const timeline = (events: readonly ProjectedEvent[], subject: TimelineSubject): readonly TimelineEntry[] => {
  const concerns = relevance(subject, events);
  return events.filter(concerns).map(({ event, metadata, recorded }) => {
    const who = whoOf(metadata.actor);
    const { actor } = metadata;
    return {
      occurredAt: metadata.occurredAt,
      streamName: recorded.streamName,
      revision: recorded.revision.toString(),
      type: event.type,
      who,
      what: describeEvent(event),
      ...(actor.kind === 'user' && actor.stepUp !== undefined ? { stepUp: actor.stepUp } : {}),
      ...(actor.kind === 'user' && actor.firstDevice === true ? { firstDevice: true } : {}),
    };
  });
};

/** One line per entry: when, who, what, and the authorising step-up. */
export const formatTimelineEntry = (entry: TimelineEntry): string => {
  const authority =
    entry.stepUp !== undefined ? ` [${describeStepUp(entry.stepUp)}]` : entry.firstDevice === true ? ' [first device: primary authentication only]' : '';
  return `${entry.occurredAt}  ${describeWho(entry.who)} ${entry.what}${authority}`;
};
