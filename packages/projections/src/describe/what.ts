import { maskPhoneNumber, type DomainEvent } from '@ssp/domain';

const number = (phoneNumber: string | undefined): string =>
  phoneNumber === undefined ? '' : ` (number ${maskPhoneNumber(phoneNumber)})`;

/** How an id is written in a sentence: bare, or with the name history gave it beside it. */
export type IdWriter = (id: string) => string;
const bare: IdWriter = (id) => id;

/**
 * A sentence a person can read for every event of the contract. Phone numbers are masked:
 * the audit trail is read by more people than the user's own settings page. Ids the sentence
 * already names (a registration, an enrollment, a rename) are written bare; the others go
 * through `id`, so a report can put names beside them.
 */
export const describeEvent = (event: DomainEvent, id: IdWriter = bare): string => {
  switch (event.type) {
    case 'AccountOpened':
      return `opened account "${event.data.name}" (${event.data.accountId}) on edition ${event.data.edition}, owner ${id(event.data.ownerAdminId)}`;
    case 'EditionChanged':
      return `changed the edition of account ${id(event.data.accountId)} from ${event.data.previousEdition} to ${event.data.edition}`;
    case 'NewEnrollmentEnabled':
      return `enabled new enrollment on account ${id(event.data.accountId)}`;
    case 'NewEnrollmentDisabled':
      return `disabled new enrollment on account ${id(event.data.accountId)}`;
    case 'AdministratorAdded':
      return `added administrator ${id(event.data.adminId)} as ${event.data.role}`;
    case 'AdministratorRoleChanged':
      return `changed administrator ${id(event.data.adminId)} from ${event.data.previousRole} to ${event.data.role}`;
    case 'AdministratorRemoved':
      return `removed administrator ${id(event.data.adminId)} (was ${event.data.role})`;
    case 'UserRegistered':
      return `registered user "${event.data.username}" (${event.data.userId})`;
    case 'ApplicationRegistered':
      return `registered application "${event.data.name}" (${event.data.applicationId}) of type ${event.data.applicationType}`;
    case 'SelfServiceEnabled':
      return `enabled self-service on application ${id(event.data.applicationId)}`;
    case 'SelfServiceDisabled':
      return `disabled self-service on application ${id(event.data.applicationId)}`;
    case 'PortalSessionStarted':
      return `started portal session ${id(event.data.sessionId)} for user ${id(event.data.userId)} through application ${id(event.data.applicationId)}, until ${event.data.expiresAt}`;
    case 'StepUpBegun':
      return `began a ${event.data.method} step-up on device ${id(event.data.deviceId)} in session ${id(event.data.sessionId)}`;
    case 'StepUpCompleted':
      return `completed the ${event.data.method} step-up on device ${id(event.data.deviceId)} in session ${id(event.data.sessionId)}`;
    case 'StepUpFailed':
      return `failed the ${event.data.method} step-up on device ${id(event.data.deviceId)} in session ${id(event.data.sessionId)}`;
    case 'PortalSessionEnded':
      return `ended portal session ${id(event.data.sessionId)} (by the ${event.data.endedBy})`;
    case 'DeviceEnrolled':
      return `enrolled ${event.data.kind.toLowerCase()} "${event.data.name}" (${event.data.deviceId}, ${event.data.platform})${number(event.data.phoneNumber)} for user ${id(event.data.userId)}`;
    case 'DeviceRenamed':
      return `renamed device ${event.data.deviceId} from "${event.data.previousName}" to "${event.data.name}"`;
    case 'DuoMobileActivationIssued':
      return `issued a Duo Mobile activation for device ${id(event.data.deviceId)}, valid until ${event.data.expiresAt}`;
    case 'DuoMobileActivated':
      return `activated Duo Mobile on device ${id(event.data.deviceId)}`;
    case 'DefaultSet':
      return `made device ${id(event.data.deviceId)} the default, login action ${event.data.loginAction}`;
    case 'DeviceRemoved':
      return `removed ${event.data.kind.toLowerCase()} ${id(event.data.deviceId)}${number(event.data.phoneNumber)} of user ${id(event.data.userId)}${event.data.wasDefault ? ', which was the default' : ''}`;
    case 'HardwareTokenAssigned':
      return `assigned hardware token ${event.data.tokenType} serial ${event.data.serial} (${event.data.tokenId}) to user ${id(event.data.userId)}`;
    case 'HardwareTokenRemoved':
      return `removed hardware token ${event.data.tokenType} serial ${event.data.serial} (${event.data.tokenId}) of user ${id(event.data.userId)}`;
    case 'PhoneNumberClaimed':
      return `claimed number ${maskPhoneNumber(event.data.phoneNumber)} for device ${id(event.data.deviceId)} of user ${id(event.data.userId)}`;
    case 'PhoneNumberReleased':
      return `released number ${maskPhoneNumber(event.data.phoneNumber)} of device ${id(event.data.deviceId)} (${event.data.reason})`;
  }
};
