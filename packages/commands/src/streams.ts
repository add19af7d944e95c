import { streamName } from '@ssp/eventstore';

/** Stream names of the contract: category, a dash, the id (EventStoreDB's `$by_category` convention). */
export const streams = {
  account: (accountId: string) => streamName('Account', accountId),
  application: (applicationId: string) => streamName('Application', applicationId),
  userDevices: (userId: string) => streamName('UserDevices', userId),
  portalSession: (sessionId: string) => streamName('PortalSession', sessionId),
  /** One claim stream per (account, number): the E.164 number without its `+`. */
  phoneNumberClaim: (accountId: string, phoneNumber: string) =>
    streamName('PhoneNumberClaim', `${accountId}-${phoneNumber.replace(/^\+/, '')}`),
} as const;
