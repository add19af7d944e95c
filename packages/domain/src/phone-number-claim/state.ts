import type { PhoneNumberClaimEvent } from './events';

/** Who holds a phone number within an account, if anyone, and since when. */
export type PhoneNumberClaimState = Readonly<{
  holder?: Readonly<{ userId: string; deviceId: string; claimedAt: string }>;
}>;

export const initialPhoneNumberClaimState: PhoneNumberClaimState = {};

export const evolvePhoneNumberClaim = (_state: PhoneNumberClaimState, event: PhoneNumberClaimEvent): PhoneNumberClaimState =>
  event.type === 'PhoneNumberClaimed'
    ? { holder: { userId: event.data.userId, deviceId: event.data.deviceId, claimedAt: event.data.claimedAt } }
    : {};
