import * as A from 'fp-ts/Array';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as TE from 'fp-ts/TaskEither';
import {
  accountDecider,
  applicationDecider,
  fold,
  isAccountEvent,
  isApplicationEvent,
  isUserDevicesEvent,
  readDomainEvent,
  streams,
  userDevicesDecider,
  type DomainEvent,
  type UndecodableEvent,
} from '@ssp/domain';
import { comparePositions, type EventStore, type ReadStreamOptions, type RecordedEvent, type StoreError } from '@ssp/eventstore';
import { noFacts, type NoticeFacts } from '../notices/notices-for';

/** Why the facts could not be read: the store failed, or history holds an event no codec reads. */
export type FactsError = Readonly<{ kind: 'Store'; error: StoreError }> | UndecodableEvent;

const storeError = (error: StoreError): FactsError => ({ kind: 'Store', error });

const readEvents = (
  store: EventStore,
  streamName: string,
  options: ReadStreamOptions,
  keep: (recorded: RecordedEvent) => boolean = () => true,
): TE.TaskEither<FactsError, readonly DomainEvent[]> =>
  pipe(
    store.readStream(streamName, options),
    TE.mapLeft(storeError),
    TE.chainEitherKW((recorded) => pipe(recorded.filter(keep), A.traverse(E.Applicative)(readDomainEvent))),
  );

/** The user's devices just before the event: the stream's events before its revision. */
const userDevicesBefore = (store: EventStore, recorded: RecordedEvent, userId: string) =>
  pipe(
    readEvents(store, streams.userDevices(userId), { maxCount: Number(recorded.revision) }),
    TE.map((events): NoticeFacts => ({ ...noFacts, userDevices: fold(userDevicesDecider, events.filter(isUserDevicesEvent)) })),
  );

/**
 * The application up to and including the event, and its account as of the event's global
 * position: an administrator added after the change is not told of it, one removed after is.
 */
const applicationAndAccount = (store: EventStore, recorded: RecordedEvent, applicationId: string, accountId: string) =>
  pipe(
    TE.Do,
    TE.apS('application', readEvents(store, streams.application(applicationId), { maxCount: Number(recorded.revision) + 1 })),
    TE.apS('account', readEvents(store, streams.account(accountId), {}, (event) => comparePositions(event.position, recorded.position) <= 0)),
    TE.map(({ application, account }): NoticeFacts => ({
      ...noFacts,
      application: fold(applicationDecider, application.filter(isApplicationEvent)),
      account: fold(accountDecider, account.filter(isAccountEvent)),
    })),
  );

/** Reads, through the port, exactly the facts `noticesFor` needs for this event, as of this event. */
export const factsFor = (store: EventStore, recorded: RecordedEvent, event: DomainEvent): TE.TaskEither<FactsError, NoticeFacts> => {
  switch (event.type) {
    case 'DeviceEnrolled':
    case 'DeviceRemoved':
    case 'DefaultSet':
    case 'HardwareTokenRemoved':
      return userDevicesBefore(store, recorded, event.data.userId);
    case 'SelfServiceEnabled':
    case 'SelfServiceDisabled':
      return applicationAndAccount(store, recorded, event.data.applicationId, event.data.accountId);
    default:
      return TE.right(noFacts);
  }
};
