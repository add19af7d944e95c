/**
 * The read side: a projection runner over any `EventStore` and `ReadModelStore`, the portal's
 * read models, and the auditor's replay (timelines, state as of a time, step-up compliance,
 * tamper evidence), all reading history through `readDomainEvent` so upcasting applies.
 */
export * from './runner';
export * from './read-models';
export * from './audit';
export { describeEvent, describeStepUp, describeWho, positionKey, whoOf, StepUpRecord, Who, type IdWriter } from './describe';
export { assessDeviceChange, deviceChangeTypes, isDeviceChange, Verdict, type DeviceChange, type EventLocation } from './describe/step-up-assessment';
