import * as t from 'io-ts';
import { eventCodec, memberOf } from '../shared/messages';
import { IsoTime, Uuid } from '../shared/values';

const claim = { accountId: Uuid, phoneNumber: t.string, userId: Uuid, deviceId: Uuid };

export const PhoneNumberClaimed = eventCodec('PhoneNumberClaimed', t.type({ ...claim, claimedAt: IsoTime }));
export const PhoneNumberReleased = eventCodec(
  'PhoneNumberReleased',
  t.type({ ...claim, reason: t.keyof({ DEVICE_REMOVED: null, ENROLLMENT_ABANDONED: null, HOLDER_NO_LONGER_HAS_IT: null }) }),
);

export const phoneNumberClaimEventCodecs = { PhoneNumberClaimed, PhoneNumberReleased } as const;

export type PhoneNumberClaimEvent = t.TypeOf<(typeof phoneNumberClaimEventCodecs)[keyof typeof phoneNumberClaimEventCodecs]>;
export const isPhoneNumberClaimEvent = memberOf<PhoneNumberClaimEvent>(phoneNumberClaimEventCodecs);
export type ReleaseReason = Extract<PhoneNumberClaimEvent, { type: 'PhoneNumberReleased' }>['data']['reason'];
