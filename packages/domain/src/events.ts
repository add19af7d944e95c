import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { accountEventCodecs } from './account/events';
import { applicationEventCodecs } from './application/events';
import { phoneNumberClaimEventCodecs } from './phone-number-claim/events';
import { portalSessionEventCodecs } from './portal-session/events';
import { decodeWith, isRecord } from './shared/decode';
import { domainError, type DomainError } from './shared/errors';
import { userDevicesEventCodecs } from './user-devices/events';

/** Every event of the contract, and the phone-number claims, by type. */
export const eventCodecs = {
  ...accountEventCodecs,
  ...applicationEventCodecs,
  ...userDevicesEventCodecs,
  ...portalSessionEventCodecs,
  ...phoneNumberClaimEventCodecs,
} as const;

export type EventType = keyof typeof eventCodecs;
export type DomainEvent = t.TypeOf<(typeof eventCodecs)[EventType]>;
export const eventTypes = Object.keys(eventCodecs) as readonly EventType[];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventCodecs, type);

/** Decodes `{ type, data }` read from a store. History is trusted only after this. */
export const decodeEvent = (input: unknown): E.Either<DomainError, DomainEvent> => {
  if (!isRecord(input) || typeof input.type !== 'string') return E.left(domainError('INVALID_COMMAND', 'an event must have a type'));
  if (!isEventType(input.type)) return E.left(domainError('INVALID_COMMAND', `"${input.type}" is not a known event type`));
  const codec: t.Decoder<unknown, DomainEvent> & Readonly<{ is: t.Is<DomainEvent> }> = eventCodecs[input.type];
  const event = { type: input.type, data: input.data };
  // What this library wrote is already in its decoded form: `is` alone accepts it.
  return codec.is(event) ? E.right(event) : decodeWith(codec)(event);
};
