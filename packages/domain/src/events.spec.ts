import * as E from 'fp-ts/Either';
import { decodeEvent, eventTypes, type DomainEvent, type EventType } from './events';
import { EventMetadata } from './shared/metadata';
import { at, ids, T0 } from './testing';
import {
  accountOpened,
  activationIssued,
  administratorAdded,
  applicationRegistered,
  defaultSet,
  deviceRemoved,
  duoMobileActivated,
  editionChanged,
  mobileEnrolled,
  newEnrollmentDisabled,
  newEnrollmentEnabled,
  numbers,
  selfServiceDisabled,
  selfServiceEnabled,
  sessionEnded,
  sessionStarted,
  stepUpBegun,
  stepUpCompleted,
  stepUpFailed,
  tokenAssigned,
  userRegistered,
} from './testing/histories';
import { currentSchemaVersions, schemaVersionOf, upcast } from './upcasting';

const claim = { accountId: ids.account, phoneNumber: numbers.alice, userId: ids.alice, deviceId: ids.mobile };

/** One event of every type, as a decider emits it and a store holds it. */
const examples: Readonly<Record<EventType, DomainEvent>> = {
  AccountOpened: accountOpened(),
  EditionChanged: editionChanged('BEYOND', 'ENTERPRISE'),
  NewEnrollmentEnabled: newEnrollmentEnabled(),
  NewEnrollmentDisabled: newEnrollmentDisabled(),
  AdministratorAdded: administratorAdded(ids.helpDesk, 'HELP_DESK'),
  AdministratorRoleChanged: { type: 'AdministratorRoleChanged', data: { accountId: ids.account, adminId: ids.helpDesk, role: 'BILLING', previousRole: 'HELP_DESK' } },
  AdministratorRemoved: { type: 'AdministratorRemoved', data: { accountId: ids.account, adminId: ids.helpDesk, role: 'HELP_DESK' } },
  ApplicationRegistered: applicationRegistered(),
  SelfServiceEnabled: selfServiceEnabled(),
  SelfServiceDisabled: selfServiceDisabled(),
  UserRegistered: userRegistered(),
  DeviceEnrolled: mobileEnrolled(),
  DeviceRenamed: { type: 'DeviceRenamed', data: { userId: ids.alice, deviceId: ids.mobile, name: 'Work', previousName: 'iOS phone' } },
  DuoMobileActivationIssued: activationIssued(),
  DuoMobileActivated: duoMobileActivated(),
  DefaultSet: defaultSet(ids.mobile, 'PUSH'),
  DeviceRemoved: deviceRemoved(),
  HardwareTokenAssigned: tokenAssigned(),
  HardwareTokenRemoved: { type: 'HardwareTokenRemoved', data: { userId: ids.alice, tokenId: ids.token, serial: '123456', tokenType: 'h6' } },
  PortalSessionStarted: sessionStarted(),
  StepUpBegun: stepUpBegun(),
  StepUpCompleted: stepUpCompleted(),
  StepUpFailed: stepUpFailed(),
  PortalSessionEnded: sessionEnded(),
  PhoneNumberClaimed: { type: 'PhoneNumberClaimed', data: { ...claim, claimedAt: T0 } },
  PhoneNumberReleased: { type: 'PhoneNumberReleased', data: { ...claim, reason: 'DEVICE_REMOVED' } },
};

describe('decodeEvent', () => {
  it('every event type has an example here', () => {
    expect(Object.keys(examples).sort()).toEqual([...eventTypes].sort());
  });

  it.each(eventTypes)('%s decodes as stored', (type) => {
    expect(decodeEvent(examples[type])).toEqual(E.right(examples[type]));
  });

  it('an event without a type, or of an unknown type, is refused', () => {
    expect(decodeEvent('AccountOpened')).toEqual(E.left({ code: 'INVALID_COMMAND', message: 'an event must have a type' }));
    expect(decodeEvent({ type: 'DeviceAdded', data: {} })).toEqual(E.left({ code: 'INVALID_COMMAND', message: '"DeviceAdded" is not a known event type' }));
  });

  it('names each malformed field', () => {
    const broken = { type: 'PortalSessionStarted', data: { ...sessionStarted().data, startedAt: 'yesterday', userId: undefined } };
    expect(decodeEvent(broken)).toEqual(
      E.left({ code: 'INVALID_COMMAND', message: 'data.userId is required; data.startedAt must be an ISO 8601 UTC time such as 2026-11-28T10:00:00Z' }),
    );
    expect(decodeEvent({ type: 'AccountOpened', data: { ...accountOpened().data, name: 42 } })).toEqual(E.left({ code: 'INVALID_COMMAND', message: 'data.name must be string' }));
  });

  it('ignores anything stored beside type and data', () => {
    expect(decodeEvent({ ...examples.SelfServiceEnabled, metadata: { any: 'thing' } })).toEqual(E.right(examples.SelfServiceEnabled));
  });
});

describe('EventMetadata', () => {
  const base = { eventId: ids.command, commandId: ids.command, correlationId: ids.command, causationId: ids.command, occurredAt: T0, schemaVersion: 1 };

  it.each([
    ['an administrator, with the role held then', { kind: 'admin', adminId: ids.owner, role: 'OWNER' }],
    ['a user, with the session and the step-up that authorised the change', { kind: 'user', userId: ids.alice, sessionId: ids.session, stepUp: { deviceId: ids.mobile, method: 'SMS', completedAt: at(-30) } }],
    ['a user enrolling a first device without step-up', { kind: 'user', userId: ids.alice, sessionId: ids.session, firstDevice: true }],
    ['the authenticator', { kind: 'authenticator' }],
    ['the system', { kind: 'system' }],
  ])('records %s', (_who, actor) => {
    const metadata = { ...base, actor, previousHash: 'a1', hash: 'b2' };
    expect(EventMetadata.decode(metadata)).toEqual(E.right(metadata));
  });

  it("refuses an administrator without a role: history must say which", () => {
    expect(E.isLeft(EventMetadata.decode({ ...base, actor: { kind: 'admin', adminId: ids.owner } }))).toBe(true);
  });

  it('refuses a schema version that is not a positive whole number', () => {
    expect(E.isLeft(EventMetadata.decode({ ...base, schemaVersion: 0, actor: { kind: 'system' } }))).toBe(true);
  });
});

describe('schema versions and upcasting', () => {
  const v1Started = { sessionId: ids.session, userId: ids.alice, applicationId: ids.application, accountId: ids.account, startedAt: T0 };

  it('every event type is at version 1 but PortalSessionStarted, at version 2', () => {
    expect(currentSchemaVersions).toEqual({ PortalSessionStarted: 2 });
    expect(eventTypes.filter((type) => schemaVersionOf(type) !== 1)).toEqual(['PortalSessionStarted']);
  });

  it('a version 1 PortalSessionStarted lasted the 15 minutes then fixed', () => {
    const upcasted = upcast('PortalSessionStarted', v1Started, 1);
    expect(upcasted).toEqual(sessionStarted().data);
    expect(decodeEvent({ type: 'PortalSessionStarted', data: upcasted })).toEqual(E.right(sessionStarted()));
  });

  it('a current event is left as it is', () => {
    const current = { ...v1Started, expiresAt: at(600) };
    expect(upcast('PortalSessionStarted', current, 2)).toBe(current);
    expect(upcast('PortalSessionStarted', current, 1)).toEqual(current);
    expect(upcast('DefaultSet', defaultSet(ids.mobile, 'ASK').data, 1)).toEqual(defaultSet(ids.mobile, 'ASK').data);
  });

  it('data that is not an object is left for the decoder to refuse', () => {
    expect(upcast('PortalSessionStarted', 'garbage', 1)).toBe('garbage');
  });
});
