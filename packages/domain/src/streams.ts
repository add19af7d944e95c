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

/** The categories of the streams above: the domain's history, as against other streams a store may hold (an outbox, checkpoints). */
export const DOMAIN_CATEGORIES: readonly string[] = ['Account', 'Application', 'UserDevices', 'PortalSession', 'PhoneNumberClaim'];

/** Whether a stream holds the domain's events: what read models and audits read, and the rest of the log they pass by. */
export const isDomainStream = (streamName: string): boolean => {
  const dash = streamName.indexOf('-');
  return dash > 0 && DOMAIN_CATEGORIES.includes(streamName.slice(0, dash));
};
