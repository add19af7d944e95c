import {
  accountDecider,
  applicationDecider,
  fold,
  isAccountEvent,
  isApplicationEvent,
  isUserDevicesEvent,
  selfServiceStatus,
  streams,
  userDevicesDecider,
  type AccountState,
  type ApplicationState,
  type SelfServiceStatus,
  type UserDevicesState,
} from '@ssp/domain';
import { whoOf, type Who } from '../describe/who';
import type { ProjectedEvent } from '../runner/projection';

/** Times compare as instants, not as text: `…10:00:00Z` and `…10:00:00.000Z` are the same moment. */
const notAfter = (asOf: number) => (projected: ProjectedEvent): boolean => Date.parse(projected.metadata.occurredAt) <= asOf;

/**
 * The user's devices as they were at `asOf`: the user's stream, up to that moment, folded
 * through the domain's own `fold` and `evolveUserDevices`, the very functions the command side decides on.
 */
export const devicesAsOf = (events: readonly ProjectedEvent[], userId: string, asOf: string): UserDevicesState => {
  const stream = streams.userDevices(userId);
  const until = notAfter(Date.parse(asOf));
  const history = events.filter((projected) => projected.recorded.streamName === stream && until(projected)).map(({ event }) => event);
  return fold(userDevicesDecider, history.filter(isUserDevicesEvent));
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
  const application = fold(applicationDecider, own.map(({ event }) => event).filter(isApplicationEvent));
  const accountStream = application.status === 'REGISTERED' ? streams.account(application.accountId) : undefined;
  const accountHistory = events.filter((projected) => projected.recorded.streamName === accountStream && until(projected)).map(({ event }) => event);
  const account = fold(accountDecider, accountHistory.filter(isAccountEvent));
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
