export { mySettingsAndDevicesProjection, MySettingsAndDevices, type PhoneView } from './my-settings-and-devices';
export { applicationSettingsProjection, ApplicationSettings, type ApplicationView } from './application-settings';
export { auditTrailProjection, AuditTrailEntry } from './audit-trail';
export { stepUpComplianceProjection, ComplianceEntry } from './step-up-compliance';
