import {
  accountEventCodecs,
  applicationEventCodecs,
  evolveAccount,
  evolveApplication,
  evolveUserDevices,
  initialAccountState,
  initialApplicationState,
  initialUserDevicesState,
  selfServiceStatus,
  userDevicesEventCodecs,
  type AccountEvent,
  type AccountState,
  type ApplicationEvent,
  type ApplicationState,
  type DomainEvent,
  type SelfServiceStatus,
  type UserDevicesEvent,
  type UserDevicesState,
} from '@ssp/domain';
import { streams } from '@ssp/commands';
import { whoOf, type Who } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';

const isUserDevicesEvent = (event: DomainEvent): event is UserDevicesEvent => Object.hasOwn(userDevicesEventCodecs, event.type);
const isApplicationEvent = (event: DomainEvent): event is ApplicationEvent => Object.hasOwn(applicationEventCodecs, event.type);
const isAccountEvent = (event: DomainEvent): event is AccountEvent => Object.hasOwn(accountEventCodecs, event.type);

/** Times compare as instants, not as text: `…10:00:00Z` and `…10:00:00.000Z` are the same moment. */
const notAfter = (asOf: number) => (projected: ProjectedEvent): boolean => Date.parse(projected.metadata.occurredAt) <= asOf;

/**
 * The user's devices as they were at `asOf`: the user's stream, up to that moment, folded
 * through the domain's own `evolveUserDevices`, the very function the command side decides on.
 */
export const devicesAsOf = (events: readonly ProjectedEvent[], userId: string, asOf: string): UserDevicesState => {
  const stream = streams.userDevices(userId);
  const until = notAfter(Date.parse(asOf));
  return events
    .filter((projected) => projected.recorded.streamName === stream && until(projected))
    .map(({ event }) => event)
    .filter(isUserDevicesEvent)
    .reduce(evolveUserDevices, initialUserDevicesState);
};

export type ApplicationAsOf = Readonly<{
  application: ApplicationState;
  account: AccountState;
  /** What users got at that moment: suspension follows the account's eligibility. */
  selfService: SelfServiceStatus;
  /** Who last turned the setting on or off before that moment, with their role then. */
  lastSettingChange?: Readonly<{ type: string; occurredAt: string; who: Who }>;
}>;

/** The application's self-service setting, and whether it was in effect, at `asOf`. */
export const applicationAsOf = (events: readonly ProjectedEvent[], applicationId: string, asOf: string): ApplicationAsOf => {
  const until = notAfter(Date.parse(asOf));
  const own = events.filter((projected) => projected.recorded.streamName === streams.application(applicationId) && until(projected));
  const application = own
    .map(({ event }) => event)
    .filter(isApplicationEvent)
    .reduce(evolveApplication, initialApplicationState);
  const accountStream = application.status === 'REGISTERED' ? streams.account(application.accountId) : undefined;
  const account = events
    .filter((projected) => projected.recorded.streamName === accountStream && until(projected))
    .map(({ event }) => event)
    .filter(isAccountEvent)
    .reduce(evolveAccount, initialAccountState);
  const lastChange = own.filter(({ event }) => event.type === 'SelfServiceEnabled' || event.type === 'SelfServiceDisabled').at(-1);
  return {
    application,
    account,
    selfService: selfServiceStatus(application, account),
    ...(lastChange === undefined
      ? {}
      : { lastSettingChange: { type: lastChange.event.type, occurredAt: lastChange.metadata.occurredAt, who: whoOf(lastChange.metadata.actor) } }),
  };
};
