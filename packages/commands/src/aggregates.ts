import {
  accountDecider,
  applicationDecider,
  evolvePhoneNumberClaim,
  initialPhoneNumberClaimState,
  isAccountEvent,
  isApplicationEvent,
  isPhoneNumberClaimEvent,
  isPortalSessionEvent,
  isUserDevicesEvent,
  portalSessionDecider,
  userDevicesDecider,
  type AccountEvent,
  type AccountState,
  type ApplicationEvent,
  type ApplicationState,
  type Decider,
  type DomainEvent,
  type PhoneNumberClaimEvent,
  type PhoneNumberClaimState,
  type PortalSessionEvent,
  type PortalSessionState,
  type UserDevicesEvent,
  type UserDevicesState,
} from '@ssp/domain';

/** What the command side needs to rebuild one kind of stream: the decider's fold, and which events belong to it. */
export type AggregateKind<S, E extends DomainEvent> = Pick<Decider<never, S, E, never>, 'initialState' | 'evolve'> &
  Readonly<{ owns: (event: DomainEvent) => event is E }>;

export const accountKind: AggregateKind<AccountState, AccountEvent> = { ...accountDecider, owns: isAccountEvent };
export const applicationKind: AggregateKind<ApplicationState, ApplicationEvent> = { ...applicationDecider, owns: isApplicationEvent };
export const userDevicesKind: AggregateKind<UserDevicesState, UserDevicesEvent> = { ...userDevicesDecider, owns: isUserDevicesEvent };
export const portalSessionKind: AggregateKind<PortalSessionState, PortalSessionEvent> = { ...portalSessionDecider, owns: isPortalSessionEvent };
export const phoneNumberClaimKind: AggregateKind<PhoneNumberClaimState, PhoneNumberClaimEvent> = {
  initialState: initialPhoneNumberClaimState,
  evolve: evolvePhoneNumberClaim,
  owns: isPhoneNumberClaimEvent,
};
