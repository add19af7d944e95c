/**
 * Stream names of the contract: category, a dash, the id (EventStoreDB's `$by_category`
 * convention). Ids are canonical (lower case) by the time they get here: decoding sees to it.
 */
export const streams = {
  account: (accountId: string) => `Account-${accountId}`,
  application: (applicationId: string) => `Application-${applicationId}`,
  userDevices: (userId: string) => `UserDevices-${userId}`,
  portalSession: (sessionId: string) => `PortalSession-${sessionId}`,
  /** One claim stream per (account, number): the E.164 number without its `+`. */
  phoneNumberClaim: (accountId: string, phoneNumber: string) => `PhoneNumberClaim-${accountId}-${phoneNumber.replace(/^\+/, '')}`,
} as const;
