import type { Platform, PhoneKind, StepUpMethod } from '../shared/enums';
import { findPhone, findToken, type Phone, type RegisteredUser } from './state';

/**
 * What a device can do follows from its kind and state: push needs Duo Mobile activated on a
 * mobile or tablet; a call needs a number; SMS needs a mobile; a passcode comes from Duo
 * Mobile or a hardware token.
 */
export const phoneCan = (phone: Phone, method: StepUpMethod): boolean => {
  switch (method) {
    case 'PUSH':
      return phone.kind !== 'LANDLINE' && phone.duoMobileActivated;
    case 'CALL':
      return phone.phoneNumber !== undefined;
    case 'SMS':
      return phone.kind === 'MOBILE';
    case 'PASSCODE':
      return phone.duoMobileActivated;
  }
};

/** Whether the user owns a device or token with this id that can complete the method. */
export const userDeviceCan = (user: RegisteredUser, deviceId: string, method: StepUpMethod): 'YES' | 'NOT_CAPABLE' | 'NOT_OWNED' => {
  const phone = findPhone(user, deviceId);
  if (phone !== undefined) return phoneCan(phone, method) ? 'YES' : 'NOT_CAPABLE';
  if (findToken(user, deviceId) !== undefined) return method === 'PASSCODE' ? 'YES' : 'NOT_CAPABLE';
  return 'NOT_OWNED';
};

/** Readable names by kind and platform: "iOS phone", "Android tablet", "Smartphone", "Landline". */
const baseNames: Readonly<Record<PhoneKind, Readonly<Record<Platform, string>>>> = {
  MOBILE: { IOS: 'iOS phone', ANDROID: 'Android phone', WINDOWS_PHONE: 'Windows Phone', GENERIC_SMARTPHONE: 'Smartphone', UNKNOWN: 'Phone' },
  TABLET: { IOS: 'iOS tablet', ANDROID: 'Android tablet', WINDOWS_PHONE: 'Windows tablet', GENERIC_SMARTPHONE: 'Tablet', UNKNOWN: 'Tablet' },
  LANDLINE: { IOS: 'Landline', ANDROID: 'Landline', WINDOWS_PHONE: 'Landline', GENERIC_SMARTPHONE: 'Landline', UNKNOWN: 'Landline' },
};

/** A readable default that no other device of the user has: "iOS phone", then "iOS phone 2", … */
export const defaultDeviceName = (kind: PhoneKind, platform: Platform, takenNames: readonly string[]): string => {
  const taken = new Set(takenNames.map((name) => name.toLowerCase()));
  const base = baseNames[kind][platform];
  if (!taken.has(base.toLowerCase())) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`.toLowerCase())) n += 1;
  return `${base} ${n}`;
};

export const nameTaken = (user: RegisteredUser, name: string, exceptDeviceId?: string): boolean =>
  user.phones.some((phone) => phone.deviceId !== exceptDeviceId && phone.name.toLowerCase() === name.toLowerCase());
