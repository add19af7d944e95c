import * as t from 'io-ts';

/** A codec for one of a fixed list of strings, whose failures list the values accepted. */
export const oneOf = <const V extends readonly [string, ...string[]]>(name: string, values: V) =>
  t.keyof(Object.fromEntries(values.map((value) => [value, null])) as { [K in V[number]]: null }, name);

export const editions = ['PERSONAL', 'ENTERPRISE', 'PLATFORM', 'BEYOND'] as const;
export const Edition = oneOf('Edition', editions);
export type Edition = t.TypeOf<typeof Edition>;

export const roles = [
  'OWNER',
  'ADMINISTRATOR',
  'APPLICATION_MANAGER',
  'USER_MANAGER',
  'HELP_DESK',
  'BILLING',
  'READ_ONLY',
] as const;
export const Role = oneOf('Role', roles);
export type Role = t.TypeOf<typeof Role>;

export const applicationTypesWithPortal = [
  'WEB_SDK',
  'CISCO_SSL_VPN',
  'JUNIPER_SSL_VPN',
  'MICROSOFT_OWA',
  'WORDPRESS',
] as const;
export const applicationTypesWithoutPortal = ['RDP', 'UNIX_SSH', 'RADIUS', 'ADMIN_API', 'AUTH_API'] as const;
export const ApplicationType = oneOf('ApplicationType', [
  ...applicationTypesWithPortal,
  ...applicationTypesWithoutPortal,
]);
export type ApplicationType = t.TypeOf<typeof ApplicationType>;

export const PhoneKind = oneOf('PhoneKind', ['MOBILE', 'TABLET', 'LANDLINE']);
export type PhoneKind = t.TypeOf<typeof PhoneKind>;

export const Platform = oneOf('Platform', ['IOS', 'ANDROID', 'WINDOWS_PHONE', 'GENERIC_SMARTPHONE', 'UNKNOWN']);
export type Platform = t.TypeOf<typeof Platform>;

export const TokenType = oneOf('TokenType', ['h6', 'h8', 't6', 't8', 'yk', 'd1']);
export type TokenType = t.TypeOf<typeof TokenType>;

export const StepUpMethod = oneOf('StepUpMethod', ['PUSH', 'CALL', 'SMS', 'PASSCODE']);
export type StepUpMethod = t.TypeOf<typeof StepUpMethod>;

export const LoginAction = oneOf('LoginAction', ['ASK', 'PUSH', 'CALL']);
export type LoginAction = t.TypeOf<typeof LoginAction>;
