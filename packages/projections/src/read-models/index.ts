export { mySettingsAndDevicesProjection, MySettingsAndDevices, PhoneView } from './my-settings-and-devices';
export { applicationSettingsProjection, ApplicationSettings, ApplicationView } from './application-settings';
export { auditTrailProjection, AuditTrailEntry } from './audit-trail';
export { stepUpComplianceProjection, ComplianceEntry } from './step-up-compliance';
