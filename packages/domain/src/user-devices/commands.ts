import * as t from 'io-ts';
import { LoginAction, PhoneKind, Platform, TokenType } from '../shared/enums';
import { commandCodec, memberOf, strictObject } from '../shared/messages';
import { PhoneNumber } from '../shared/phone-number';
import { DeviceName, Extension, PositiveInteger, TokenSerial, Username, Uuid } from '../shared/values';

export const RegisterUser = commandCodec(
  'RegisterUser',
  strictObject('RegisterUser', { accountId: Uuid, userId: Uuid, username: Username }),
);
export const AssignHardwareToken = commandCodec(
  'AssignHardwareToken',
  strictObject('AssignHardwareToken', { userId: Uuid, tokenId: Uuid, serial: TokenSerial, tokenType: TokenType }),
);
/** Which optional fields a kind takes is checked by `enrollmentShapeErrors`, naming the field. */
export const EnrollDevice = commandCodec(
  'EnrollDevice',
  strictObject(
    'EnrollDevice',
    { userId: Uuid, deviceId: Uuid, kind: PhoneKind },
    { phoneNumber: PhoneNumber, extension: Extension, platform: Platform, name: DeviceName },
  ),
);
export const RenameDevice = commandCodec(
  'RenameDevice',
  strictObject('RenameDevice', { userId: Uuid, deviceId: Uuid, name: DeviceName }),
);
export const IssueDuoMobileActivation = commandCodec(
  'IssueDuoMobileActivation',
  strictObject('IssueDuoMobileActivation', { userId: Uuid, deviceId: Uuid, activationId: Uuid }, { validSeconds: PositiveInteger }),
);
export const ActivateDuoMobile = commandCodec(
  'ActivateDuoMobile',
  strictObject('ActivateDuoMobile', { userId: Uuid, deviceId: Uuid, activationId: Uuid }),
);
export const SetDefaultDevice = commandCodec(
  'SetDefaultDevice',
  strictObject('SetDefaultDevice', { userId: Uuid, deviceId: Uuid, loginAction: LoginAction }),
);
export const RemoveDevice = commandCodec('RemoveDevice', strictObject('RemoveDevice', { userId: Uuid, deviceId: Uuid }));
export const RemoveHardwareToken = commandCodec(
  'RemoveHardwareToken',
  strictObject('RemoveHardwareToken', { userId: Uuid, tokenId: Uuid }),
);

export const userDevicesCommandCodecs = {
  RegisterUser,
  AssignHardwareToken,
  EnrollDevice,
  RenameDevice,
  IssueDuoMobileActivation,
  ActivateDuoMobile,
  SetDefaultDevice,
  RemoveDevice,
  RemoveHardwareToken,
} as const;

export type UserDevicesCommand = t.TypeOf<(typeof userDevicesCommandCodecs)[keyof typeof userDevicesCommandCodecs]>;
export const isUserDevicesCommand = memberOf<UserDevicesCommand>(userDevicesCommandCodecs);
export type EnrollDeviceCommand = t.TypeOf<typeof EnrollDevice>;

/**
 * A mobile has a number, a tablet has none, a landline has no platform and is the only kind
 * with an extension. Each mismatch is reported with the field's path.
 */
export const enrollmentShapeErrors = (data: EnrollDeviceCommand['data']): readonly string[] => {
  const errors: string[] = [];
  if (data.kind !== 'TABLET' && data.phoneNumber === undefined) errors.push(`data.phoneNumber is required for a ${data.kind}`);
  if (data.kind === 'TABLET' && data.phoneNumber !== undefined) errors.push('data.phoneNumber is not taken by a TABLET');
  if (data.kind === 'LANDLINE' && data.platform !== undefined) errors.push('data.platform is not taken by a LANDLINE');
  if (data.kind !== 'LANDLINE' && data.extension !== undefined) errors.push(`data.extension is not taken by a ${data.kind}`);
  return errors;
};
