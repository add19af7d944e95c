import {
  accountEventCodecs,
  applicationEventCodecs,
  evolveAccount,
  evolveApplication,
  evolvePhoneNumberClaim,
  evolvePortalSession,
  evolveUserDevices,
  initialAccountState,
  initialApplicationState,
  initialPhoneNumberClaimState,
  initialPortalSessionState,
  initialUserDevicesState,
  phoneNumberClaimEventCodecs,
  portalSessionEventCodecs,
  userDevicesEventCodecs,
  type AccountEvent,
  type AccountState,
  type ApplicationEvent,
  type ApplicationState,
  type DomainEvent,
  type PhoneNumberClaimEvent,
  type PhoneNumberClaimState,
  type PortalSessionEvent,
  type PortalSessionState,
  type UserDevicesEvent,
  type UserDevicesState,
} from '@ssp/domain';

/** What the command side needs to rebuild one kind of stream: its fold, and which events belong to it. */
export type AggregateKind<S, E extends DomainEvent> = Readonly<{
  name: string;
  initialState: S;
  evolve: (state: S, event: E) => S;
  owns: (event: DomainEvent) => event is E;
}>;

const ownedBy =
  <E extends DomainEvent>(codecs: Readonly<Record<string, unknown>>) =>
  (event: DomainEvent): event is E =>
    Object.hasOwn(codecs, event.type);

export const accountKind: AggregateKind<AccountState, AccountEvent> = {
  name: 'Account',
  initialState: initialAccountState,
  evolve: evolveAccount,
  owns: ownedBy<AccountEvent>(accountEventCodecs),
};

export const applicationKind: AggregateKind<ApplicationState, ApplicationEvent> = {
  name: 'Application',
  initialState: initialApplicationState,
  evolve: evolveApplication,
  owns: ownedBy<ApplicationEvent>(applicationEventCodecs),
};

export const userDevicesKind: AggregateKind<UserDevicesState, UserDevicesEvent> = {
  name: 'UserDevices',
  initialState: initialUserDevicesState,
  evolve: evolveUserDevices,
  owns: ownedBy<UserDevicesEvent>(userDevicesEventCodecs),
};

export const portalSessionKind: AggregateKind<PortalSessionState, PortalSessionEvent> = {
  name: 'PortalSession',
  initialState: initialPortalSessionState,
  evolve: evolvePortalSession,
  owns: ownedBy<PortalSessionEvent>(portalSessionEventCodecs),
};

export const phoneNumberClaimKind: AggregateKind<PhoneNumberClaimState, PhoneNumberClaimEvent> = {
  name: 'PhoneNumberClaim',
  initialState: initialPhoneNumberClaimState,
  evolve: evolvePhoneNumberClaim,
  owns: ownedBy<PhoneNumberClaimEvent>(phoneNumberClaimEventCodecs),
};
