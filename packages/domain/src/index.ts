/**
 * The pure domain of self-service device management: four aggregates as deciders, the
 * contract's commands and events as io-ts codecs, and the rules that guard them. No I/O, no
 * clock, no randomness: time and ids come in from outside.
 */
export * from './account';
export * from './application';
export * from './user-devices';
export * from './portal-session';
export * from './phone-number-claim';
export { commandCodecs, commandTypes, decodeCommand, type Command, type CommandType } from './commands';
export { decodeEvent, eventCodecs, eventTypes, isEventType, type DomainEvent, type EventType } from './events';
export { Actor, RecordedActor, StepUpProof, type AdminActor, type UserActor } from './shared/actor';
export { decidedBy, fold, type Decider, type Decision } from './shared/decider';
export { describeValidationError, decodeWith } from './shared/decode';
export * from './shared/enums';
export { domainError, errorCodes, type DomainError, type ErrorCode } from './shared/errors';
export { EventMetadata } from './shared/metadata';
export { maskPhoneNumber, normalisePhoneNumber, PhoneNumber } from './shared/phone-number';
export { defaultPolicy, type Policy } from './shared/policy';
export { addSeconds, secondsBetween } from './shared/time';
export { IsoTime, Uuid } from './shared/values';
export { currentSchemaVersions, schemaVersionOf, upcast } from './upcasting';
export { DOMAIN_CATEGORIES, isDomainStream, streams } from './streams';
export { isDeeplyFrozen, readDomainEvent, schemaVersionIn, type StoredEvent, type UndecodableEvent } from './stored-events';
