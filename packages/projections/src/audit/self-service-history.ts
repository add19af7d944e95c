import { streams } from '@ssp/domain';
import { whoOf, type Who } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';

export type SelfServiceChange = Readonly<{
  type: 'SelfServiceEnabled' | 'SelfServiceDisabled';
  occurredAt: string;
  streamName: string;
  revision: string;
  /** Who turned it on or off, with the role the account's history recorded for them at that moment. */
  who: Who;
}>;

export type SelfServiceHistory = Readonly<{
  applicationId: string;
  /** The name it was registered under; absent when history has no such application. */
  name?: string;
  changes: readonly SelfServiceChange[];
}>;

/** Every time the application's self-service setting was turned on or off, in order, and by whom. */
export const selfServiceHistory = (events: readonly ProjectedEvent[], applicationId: string): SelfServiceHistory => {
  const own = streams.application(applicationId);
  const registered = events.find(({ event, recorded }) => recorded.streamName === own && event.type === 'ApplicationRegistered')?.event;
  const name = registered?.type === 'ApplicationRegistered' ? registered.data.name : undefined;
  const changes = events.flatMap(({ event, metadata, recorded }): SelfServiceChange[] =>
    recorded.streamName === own && (event.type === 'SelfServiceEnabled' || event.type === 'SelfServiceDisabled')
      ? [{ type: event.type, occurredAt: metadata.occurredAt, streamName: recorded.streamName, revision: recorded.revision.toString(), who: whoOf(metadata.actor) }]
      : [],
  );
  return { applicationId, ...(name === undefined ? {} : { name }), changes };
};
