import { maskPhoneNumber, type DomainEvent } from '@ssp/domain';

const number = (phoneNumber: string | undefined): string =>
  phoneNumber === undefined ? '' : ` (number ${maskPhoneNumber(phoneNumber)})`;

/**
 * A sentence a person can read for every event of the contract. Phone numbers are masked:
 * the audit trail is read by more people than the user's own settings page.
 */
export const describeEvent = (event: DomainEvent): string => {
  switch (event.type) {
    case 'AccountOpened':
      return `opened account "${event.data.name}" (${event.data.accountId}) on edition ${event.data.edition}, owner ${event.data.ownerAdminId}`;
    case 'EditionChanged':
      return `changed the edition of account ${event.data.accountId} from ${event.data.previousEdition} to ${event.data.edition}`;
    case 'NewEnrollmentEnabled':
      return `enabled new enrollment on account ${event.data.accountId}`;
    case 'NewEnrollmentDisabled':
      return `disabled new enrollment on account ${event.data.accountId}`;
    case 'AdministratorAdded':
      return `added administrator ${event.data.adminId} as ${event.data.role}`;
    case 'AdministratorRoleChanged':
      return `changed administrator ${event.data.adminId} from ${event.data.previousRole} to ${event.data.role}`;
    case 'AdministratorRemoved':
      return `removed administrator ${event.data.adminId} (was ${event.data.role})`;
    case 'UserRegistered':
      return `registered user "${event.data.username}" (${event.data.userId})`;
    case 'ApplicationRegistered':
      return `registered application "${event.data.name}" (${event.data.applicationId}) of type ${event.data.applicationType}`;
    case 'SelfServiceEnabled':
      return `enabled self-service on application ${event.data.applicationId}`;
    case 'SelfServiceDisabled':
      return `disabled self-service on application ${event.data.applicationId}`;
    case 'PortalSessionStarted':
      return `started portal session ${event.data.sessionId} for user ${event.data.userId} through application ${event.data.applicationId}, until ${event.data.expiresAt}`;
    case 'StepUpBegun':
      return `began a ${event.data.method} step-up on device ${event.data.deviceId} in session ${event.data.sessionId}`;
    case 'StepUpCompleted':
      return `completed the ${event.data.method} step-up on device ${event.data.deviceId} in session ${event.data.sessionId}`;
    case 'StepUpFailed':
      return `failed the ${event.data.method} step-up on device ${event.data.deviceId} in session ${event.data.sessionId}`;
    case 'PortalSessionEnded':
      return `ended portal session ${event.data.sessionId} (by the ${event.data.endedBy})`;
    case 'DeviceEnrolled':
      return `enrolled ${event.data.kind.toLowerCase()} "${event.data.name}" (${event.data.deviceId}, ${event.data.platform})${number(event.data.phoneNumber)} for user ${event.data.userId}`;
    case 'DeviceRenamed':
      return `renamed device ${event.data.deviceId} from "${event.data.previousName}" to "${event.data.name}"`;
    case 'DuoMobileActivationIssued':
      return `issued a Duo Mobile activation for device ${event.data.deviceId}, valid until ${event.data.expiresAt}`;
    case 'DuoMobileActivated':
      return `activated Duo Mobile on device ${event.data.deviceId}`;
    case 'DefaultSet':
      return `made device ${event.data.deviceId} the default, login action ${event.data.loginAction}`;
    case 'DeviceRemoved':
      return `removed ${event.data.kind.toLowerCase()} ${event.data.deviceId}${number(event.data.phoneNumber)} of user ${event.data.userId}${event.data.wasDefault ? ', which was the default' : ''}`;
    case 'HardwareTokenAssigned':
      return `assigned hardware token ${event.data.tokenType} serial ${event.data.serial} (${event.data.tokenId}) to user ${event.data.userId}`;
    case 'HardwareTokenRemoved':
      return `removed hardware token ${event.data.tokenType} serial ${event.data.serial} (${event.data.tokenId}) of user ${event.data.userId}`;
    case 'PhoneNumberClaimed':
      return `claimed number ${maskPhoneNumber(event.data.phoneNumber)} for device ${event.data.deviceId} of user ${event.data.userId}`;
    case 'PhoneNumberReleased':
      return `released number ${maskPhoneNumber(event.data.phoneNumber)} of device ${event.data.deviceId} (${event.data.reason})`;
  }
};
