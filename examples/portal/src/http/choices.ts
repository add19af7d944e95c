import type { LoginAction, PhoneKind, Platform, TokenType } from '@ssp/domain';

/** The options of the forms' select boxes, in words. The domain checks every value sent. */
export const phoneKinds: ReadonlyArray<readonly [PhoneKind, string]> = [
  ['MOBILE', 'Mobile phone'],
  ['TABLET', 'Tablet (iPad, Android tablet)'],
  ['LANDLINE', 'Landline'],
];

export const platforms: ReadonlyArray<readonly [Platform, string]> = [
  ['IOS', 'iOS'],
  ['ANDROID', 'Android'],
  ['WINDOWS_PHONE', 'Windows Phone'],
  ['GENERIC_SMARTPHONE', 'Other smartphone'],
];

export const loginActions: ReadonlyArray<readonly [LoginAction, string]> = [
  ['ASK', 'Ask me to choose an authentication method'],
  ['PUSH', 'Automatically send this device a Duo Push'],
  ['CALL', 'Automatically call this device'],
];

export const tokenTypes: ReadonlyArray<readonly [TokenType, string]> = [
  ['h6', 'HOTP, 6 digits (h6)'],
  ['h8', 'HOTP, 8 digits (h8)'],
  ['t6', 'TOTP, 6 digits (t6)'],
  ['t8', 'TOTP, 8 digits (t8)'],
  ['yk', 'YubiKey (yk)'],
  ['d1', 'Duo D-100 (d1)'],
];

/** Country calling codes offered beside a number; a number typed with its own `+` keeps it. */
export const countries: ReadonlyArray<readonly [string, string]> = [
  ['1', 'United States / Canada (+1)'],
  ['44', 'United Kingdom (+44)'],
  ['33', 'France (+33)'],
  ['49', 'Germany (+49)'],
  ['34', 'Spain (+34)'],
  ['91', 'India (+91)'],
  ['61', 'Australia (+61)'],
  ['81', 'Japan (+81)'],
];

/**
 * The number as the user meant it: their own `+…` as typed, else the chosen country's code
 * before it. Whether it is a valid number is the domain's to say (it answers E.164 or refuses
 * naming `data.phoneNumber`).
 */
export const withCountryCode = (country: string, number: string): string => {
  const typed = number.trim();
  return typed.startsWith('+') ? typed : `+${country.replace(/\D/g, '')} ${typed}`;
};
