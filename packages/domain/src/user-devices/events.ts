import * as t from 'io-ts';
import { LoginAction, PhoneKind, Platform, TokenType } from '../shared/enums';
import { eventCodec, memberOf } from '../shared/messages';
import { IsoTime, Uuid } from '../shared/values';

export const UserRegistered = eventCodec('UserRegistered', t.type({ accountId: Uuid, userId: Uuid, username: t.string }));
export const DeviceEnrolled = eventCodec(
  'DeviceEnrolled',
  t.intersection([
    t.type({ accountId: Uuid, userId: Uuid, deviceId: Uuid, kind: PhoneKind, platform: Platform, name: t.string }),
    t.partial({ phoneNumber: t.string, extension: t.string }),
  ]),
);
export const DeviceRenamed = eventCodec(
  'DeviceRenamed',
  t.type({ userId: Uuid, deviceId: Uuid, name: t.string, previousName: t.string }),
);
export const DuoMobileActivationIssued = eventCodec(
  'DuoMobileActivationIssued',
  t.type({ userId: Uuid, deviceId: Uuid, activationId: Uuid, expiresAt: IsoTime }),
);
export const DuoMobileActivated = eventCodec(
  'DuoMobileActivated',
  t.type({ userId: Uuid, deviceId: Uuid, activationId: Uuid }),
);
export const DefaultSet = eventCodec('DefaultSet', t.type({ userId: Uuid, deviceId: Uuid, loginAction: LoginAction }));
export const DeviceRemoved = eventCodec(
  'DeviceRemoved',
  t.intersection([
    t.type({ accountId: Uuid, userId: Uuid, deviceId: Uuid, kind: PhoneKind, wasDefault: t.boolean }),
    t.partial({ phoneNumber: t.string }),
  ]),
);
export const HardwareTokenAssigned = eventCodec(
  'HardwareTokenAssigned',
  t.type({ accountId: Uuid, userId: Uuid, tokenId: Uuid, serial: t.string, tokenType: TokenType }),
);
export const HardwareTokenRemoved = eventCodec(
  'HardwareTokenRemoved',
  t.type({ userId: Uuid, tokenId: Uuid, serial: t.string, tokenType: TokenType }),
);

export const userDevicesEventCodecs = {
  UserRegistered,
  DeviceEnrolled,
  DeviceRenamed,
  DuoMobileActivationIssued,
  DuoMobileActivated,
  DefaultSet,
  DeviceRemoved,
  HardwareTokenAssigned,
  HardwareTokenRemoved,
} as const;

export type UserDevicesEvent = t.TypeOf<(typeof userDevicesEventCodecs)[keyof typeof userDevicesEventCodecs]>;
export const isUserDevicesEvent = memberOf<UserDevicesEvent>(userDevicesEventCodecs);
