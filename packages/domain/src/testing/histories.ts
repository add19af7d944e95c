/**
 * Histories this package's own specifications start from: events with the fixed ids of
 * `fixtures.ts`. Internal: not exported from `@ssp/domain/testing`.
 */
import type { AccountEvent } from '../account';
import type { ApplicationEvent } from '../application';
import type { PortalSessionEvent } from '../portal-session';
import { roles, type ApplicationType, type Edition, type LoginAction, type PhoneKind, type Platform, type Role, type StepUpMethod, type TokenType } from '../shared/enums';
import type { Policy } from '../shared/policy';
import { addSeconds } from '../shared/time';
import type { UserDevicesContext, UserDevicesEvent } from '../user-devices';
import { at, ids, minutes, T0, userDevicesContext } from './fixtures';

export const numbers = {
  alice: '+14155552671',
  aliceSecond: '+14155552672',
  landline: '+12025550143',
  bob: '+16135550110',
} as const;

// Accounts

export const accountOpened = (edition: Edition = 'ENTERPRISE', accountId: string = ids.account, ownerAdminId: string = ids.owner): AccountEvent => ({
  type: 'AccountOpened',
  data: { accountId, name: 'Acme', edition, ownerAdminId },
});
export const newEnrollmentEnabled = (accountId: string = ids.account): AccountEvent => ({ type: 'NewEnrollmentEnabled', data: { accountId } });
export const newEnrollmentDisabled = (accountId: string = ids.account): AccountEvent => ({ type: 'NewEnrollmentDisabled', data: { accountId } });
export const editionChanged = (edition: Edition, previousEdition: Edition): AccountEvent => ({
  type: 'EditionChanged',
  data: { accountId: ids.account, edition, previousEdition },
});
export const administratorAdded = (adminId: string, role: Role, accountId: string = ids.account): AccountEvent => ({
  type: 'AdministratorAdded',
  data: { accountId, adminId, role },
});

/** The administrator of `ids.account` who holds each role. */
export const adminWithRole: Readonly<Record<Role, string>> = {
  OWNER: ids.owner,
  ADMINISTRATOR: ids.administrator,
  APPLICATION_MANAGER: ids.applicationManager,
  USER_MANAGER: ids.userManager,
  HELP_DESK: ids.helpDesk,
  BILLING: ids.billing,
  READ_ONLY: ids.readOnly,
};


/** `ids.account` with one administrator per role, new enrollment still off (as every new account). */
export const accountWithStaff = (edition: Edition = 'ENTERPRISE'): readonly AccountEvent[] => [
  accountOpened(edition),
  ...roles.filter((role) => role !== 'OWNER').map((role) => administratorAdded(adminWithRole[role], role)),
];

/** An account that may have self-service: an eligible edition, new enrollment on, every role staffed. */
export const eligibleAccount = (edition: Edition = 'ENTERPRISE'): readonly AccountEvent[] => [...accountWithStaff(edition), newEnrollmentEnabled()];

/** `ids.otherAccount`, eligible too, owned by `ids.stranger`. */
export const otherAccount: readonly AccountEvent[] = [accountOpened('ENTERPRISE', ids.otherAccount, ids.stranger), newEnrollmentEnabled(ids.otherAccount)];

// Applications

export const applicationRegistered = (
  applicationType: ApplicationType = 'WEB_SDK',
  applicationId: string = ids.application,
  accountId: string = ids.account,
): ApplicationEvent => ({ type: 'ApplicationRegistered', data: { accountId, applicationId, name: 'Intranet', applicationType } });
export const selfServiceEnabled = (applicationId: string = ids.application, accountId: string = ids.account): ApplicationEvent => ({
  type: 'SelfServiceEnabled',
  data: { accountId, applicationId },
});
export const selfServiceDisabled = (): ApplicationEvent => ({ type: 'SelfServiceDisabled', data: { accountId: ids.account, applicationId: ids.application } });

/** A web application of `ids.account` with self-service enabled. */
export const portalApplication: readonly ApplicationEvent[] = [applicationRegistered(), selfServiceEnabled()];

// Users and devices

export const userRegistered = (userId: string = ids.alice, accountId: string = ids.account): UserDevicesEvent => ({
  type: 'UserRegistered',
  data: { accountId, userId, username: userId === ids.alice ? 'alice' : 'someone' },
});

type Enrolment = Readonly<{ deviceId: string; kind: PhoneKind; platform: Platform; name: string; phoneNumber?: string; extension?: string; userId?: string }>;

export const deviceEnrolled = ({ userId = ids.alice, ...device }: Enrolment): UserDevicesEvent => ({
  type: 'DeviceEnrolled',
  data: { accountId: ids.account, userId, ...device },
});
export const mobileEnrolled = (deviceId: string = ids.mobile, phoneNumber: string = numbers.alice, name = 'iOS phone'): UserDevicesEvent =>
  deviceEnrolled({ deviceId, kind: 'MOBILE', platform: 'IOS', name, phoneNumber });
export const tabletEnrolled = (deviceId: string = ids.tablet): UserDevicesEvent =>
  deviceEnrolled({ deviceId, kind: 'TABLET', platform: 'IOS', name: 'iOS tablet' });
export const landlineEnrolled = (deviceId: string = ids.landline): UserDevicesEvent =>
  deviceEnrolled({ deviceId, kind: 'LANDLINE', platform: 'UNKNOWN', name: 'Landline', phoneNumber: numbers.landline });
export const tokenAssigned = (tokenId: string = ids.token, tokenType: TokenType = 'h6', serial = '123456'): UserDevicesEvent => ({
  type: 'HardwareTokenAssigned',
  data: { accountId: ids.account, userId: ids.alice, tokenId, serial, tokenType },
});
export const activationIssued = (deviceId: string = ids.mobile, activationId: string = ids.activation, expiresAt: string = at(24 * 3600)): UserDevicesEvent => ({
  type: 'DuoMobileActivationIssued',
  data: { userId: ids.alice, deviceId, activationId, expiresAt },
});
export const duoMobileActivated = (deviceId: string = ids.mobile, activationId: string = ids.activation): UserDevicesEvent => ({
  type: 'DuoMobileActivated',
  data: { userId: ids.alice, deviceId, activationId },
});
export const defaultSet = (deviceId: string, loginAction: LoginAction): UserDevicesEvent => ({ type: 'DefaultSet', data: { userId: ids.alice, deviceId, loginAction } });
export const deviceRemoved = (deviceId: string = ids.mobile, phoneNumber: string = numbers.alice): UserDevicesEvent => ({
  type: 'DeviceRemoved',
  data: { accountId: ids.account, userId: ids.alice, deviceId, kind: 'MOBILE', wasDefault: false, phoneNumber },
});

/** Alice, with her iOS mobile phone. */
export const aliceWithMobile: readonly UserDevicesEvent[] = [userRegistered(), mobileEnrolled()];
/** Alice, with her iOS mobile phone, Duo Mobile activated on it. */
export const aliceWithActivatedMobile: readonly UserDevicesEvent[] = [...aliceWithMobile, activationIssued(), duoMobileActivated()];

// Portal sessions

export const sessionStarted = (
  startedAt: string = T0,
  { sessionId = ids.session, userId = ids.alice, applicationId = ids.application, accountId = ids.account, sessionSeconds = minutes(15) } = {},
): PortalSessionEvent => ({
  type: 'PortalSessionStarted',
  data: { sessionId, userId, applicationId, accountId, startedAt, expiresAt: addSeconds(startedAt, sessionSeconds) },
});
export const stepUpBegun = (deviceId: string = ids.mobile, method: StepUpMethod = 'SMS', begunAt: string = T0): PortalSessionEvent => ({
  type: 'StepUpBegun',
  data: { sessionId: ids.session, userId: ids.alice, deviceId, method, begunAt },
});
export const stepUpCompleted = (deviceId: string = ids.mobile, method: StepUpMethod = 'SMS', completedAt: string = T0): PortalSessionEvent => ({
  type: 'StepUpCompleted',
  data: { sessionId: ids.session, userId: ids.alice, deviceId, method, completedAt },
});
export const stepUpFailed = (deviceId: string = ids.mobile, method: StepUpMethod = 'SMS', failedAt: string = T0): PortalSessionEvent => ({
  type: 'StepUpFailed',
  data: { sessionId: ids.session, userId: ids.alice, deviceId, method, failedAt },
});
export const sessionEnded = (endedAt: string = T0): PortalSessionEvent => ({
  type: 'PortalSessionEnded',
  data: { sessionId: ids.session, userId: ids.alice, endedAt, endedBy: 'user' },
});

/** Alice's session, with a step-up begun and completed on `deviceId` by `method` at `completedAt`. */
export const steppedUpSession = (deviceId: string = ids.mobile, method: StepUpMethod = 'SMS', completedAt: string = T0): readonly PortalSessionEvent[] => [
  sessionStarted(completedAt),
  stepUpBegun(deviceId, method, completedAt),
  stepUpCompleted(deviceId, method, completedAt),
];

/**
 * The usual context of a user's change: an eligible account, a portal application, alice's
 * session with a step-up just completed by SMS on her mobile. Override any part.
 */
export const portal = (
  overrides: Readonly<{
    account?: readonly AccountEvent[];
    application?: readonly ApplicationEvent[];
    session?: readonly PortalSessionEvent[];
    now?: string;
    policy?: Policy;
    numberHeldBy?: string;
  }> = {},
): UserDevicesContext =>
  userDevicesContext({
    account: overrides.account ?? eligibleAccount(),
    application: overrides.application ?? portalApplication,
    session: overrides.session ?? steppedUpSession(),
    now: overrides.now ?? T0,
    ...(overrides.policy === undefined ? {} : { policy: overrides.policy }),
    ...(overrides.numberHeldBy === undefined ? {} : { numberHeldBy: overrides.numberHeldBy }),
  });

/** The context of an administrator's command on a user's devices: only the account matters. */
export const adminContext = (account: readonly AccountEvent[] = eligibleAccount()): UserDevicesContext => userDevicesContext({ account });
