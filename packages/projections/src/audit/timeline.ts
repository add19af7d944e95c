import { streams } from '@ssp/domain';
import { describeEvent } from '../describe/what';
import { describeStepUp, describeWho, whoOf, type StepUpRecord, type Who } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';
import { nameBeside, namesAlongHistory, type NamesAtEvent } from './names';
import { isWithin, type TimeWindow } from './window';

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
  /** The sentence, ids bare. */
  what: string;
  /** The same sentence with the names history gave the ids, as they were then, beside them. */
  whatWithNames: string;
  stepUp?: StepUpRecord;
  firstDevice?: boolean;
  /** The user, application and device (or hardware token) the event concerns, when it names one. */
  userId?: string;
  applicationId?: string;
  deviceId?: string;
  /** The names of the ids the event mentions, as they were at that moment. */
  names: NamesAtEvent;
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

/** The user, application and device an event's data names, leaving out those it does not. */
const concerned = (data: object): Pick<TimelineEntry, 'userId' | 'applicationId' | 'deviceId'> => {
  const userId = stringField(data, 'userId');
  const applicationId = stringField(data, 'applicationId');
  const deviceId = stringField(data, 'deviceId') ?? stringField(data, 'tokenId');
  return {
    ...(userId === undefined ? {} : { userId }),
    ...(applicationId === undefined ? {} : { applicationId }),
    ...(deviceId === undefined ? {} : { deviceId }),
  };
};

/**
 * The subject's history in the order it happened, each event as who did what, under which
 * step-up, and with names beside ids as they were then; only what happened inside `window`.
 * Names are learnt from the whole history, so a window still names what was registered before it.
 */
export const timeline = (events: readonly ProjectedEvent[], subject: TimelineSubject, window: TimeWindow = {}): readonly TimelineEntry[] => {
  const concerns = relevance(subject, events);
  const inWindow = isWithin(window);
  const names = namesAlongHistory(events);
  return events.flatMap((projected, index) => {
    const { event, metadata, recorded } = projected;
    if (!concerns(projected) || !inWindow(metadata.occurredAt)) return [];
    const namesThen = names[index] ?? {};
    const { actor } = metadata;
    const entry: TimelineEntry = {
      occurredAt: metadata.occurredAt,
      streamName: recorded.streamName,
      revision: recorded.revision.toString(),
      type: event.type,
      who: whoOf(actor),
      what: describeEvent(event),
      whatWithNames: describeEvent(event, nameBeside(namesThen)),
      ...(actor.kind === 'user' && actor.stepUp !== undefined ? { stepUp: actor.stepUp } : {}),
      ...(actor.kind === 'user' && actor.firstDevice === true ? { firstDevice: true } : {}),
      ...concerned(event.data),
      names: namesThen,
    };
    return [entry];
  });
};

/** One line per entry: when, who, what, and the authorising step-up. */
export const formatTimelineEntry = (entry: TimelineEntry): string => {
  const authority =
    entry.stepUp !== undefined
      ? ` [${describeStepUp(entry.stepUp, nameBeside(entry.names))}]`
      : entry.firstDevice === true
        ? ' [first device: primary authentication only]'
        : '';
  return `${entry.occurredAt}  ${describeWho(entry.who, nameBeside(entry.names))} ${entry.whatWithNames}${authority}`;
};
