import type { TestHistory } from './history';
import { testId } from './ids';

/** The cast of a portal story: one account, its owner, an application and a user. */
export const cast = {
  accountId: testId(1),
  ownerId: testId(2),
  applicationId: testId(3),
  userId: testId(4),
  appManagerId: testId(5),
} as const;

export const owner = { kind: 'admin', adminId: cast.ownerId } as const;
export const authenticator = { kind: 'authenticator' } as const;
export const user = (sessionId: string) => ({ kind: 'user', userId: cast.userId, sessionId }) as const;

/**
 * An eligible account (ENTERPRISE, new enrollment on) with a web application whose
 * self-service an application manager enabled, and a registered user with no device yet.
 */
export const openPortal = async (history: TestHistory): Promise<void> => {
  const { accountId, applicationId, userId, appManagerId } = cast;
  await history.run('OpenAccount', { kind: 'system' }, { accountId, name: 'Acme', edition: 'ENTERPRISE', ownerAdminId: cast.ownerId });
  await history.run('EnableNewEnrollment', owner, { accountId });
  await history.run('AddAdministrator', owner, { accountId, adminId: appManagerId, role: 'APPLICATION_MANAGER' });
  await history.run('RegisterApplication', owner, { accountId, applicationId, name: 'Intranet', applicationType: 'WEB_SDK' });
  await history.run('EnableSelfService', { kind: 'admin', adminId: appManagerId }, { applicationId });
  await history.run('RegisterUser', owner, { accountId, userId, username: 'ada' });
};

/** Starts a portal session for the cast's user through the cast's application. */
export const startSession = async (history: TestHistory, sessionId: string): Promise<void> => {
  await history.run('StartPortalSession', { kind: 'user', userId: cast.userId }, { sessionId, userId: cast.userId, applicationId: cast.applicationId });
};

/** A completed step-up in the session, on a device the user owns. */
export const stepUp = async (history: TestHistory, sessionId: string, deviceId: string, method = 'SMS'): Promise<void> => {
  await history.run('BeginStepUp', user(sessionId), { sessionId, deviceId, method });
  await history.run('CompleteStepUp', authenticator, { sessionId });
};
