import type { PhoneNumberClaimEvent, ReleaseReason } from './events';
import type { PhoneNumberClaimState } from './state';

/**
 * A phone number belongs to at most one user of an account at a time. The claim lives in a
 * stream of its own because two streams cannot be appended atomically: the command handler
 * claims before it enrolls and releases after it removes, and these functions say what to
 * append. Neither can fail: whether the number is free was decided by the UserDevices rules.
 */
export type ClaimRequest = Readonly<{ accountId: string; phoneNumber: string; userId: string; deviceId: string }>;

/**
 * Claim the number for a device. A holder that no longer has the device (a crash between the
 * two appends, or a removal whose release never happened) is released first, so a number is
 * never blocked forever; `holderStillHasIt` is read from the holder's own stream.
 */
export const decideClaim = (
  request: ClaimRequest,
  state: PhoneNumberClaimState,
  holderStillHasIt: boolean,
): readonly PhoneNumberClaimEvent[] => {
  const { holder } = state;
  if (holder?.userId === request.userId && holder.deviceId === request.deviceId) return [];
  const stale: PhoneNumberClaimEvent[] =
    holder !== undefined && !holderStillHasIt
      ? [{ type: 'PhoneNumberReleased', data: { accountId: request.accountId, phoneNumber: request.phoneNumber, ...holder, reason: 'HOLDER_NO_LONGER_HAS_IT' } }]
      : [];
  return [...stale, { type: 'PhoneNumberClaimed', data: request }];
};

/** Release the number if, and only if, this device still holds it. */
export const decideRelease = (
  request: ClaimRequest,
  state: PhoneNumberClaimState,
  reason: ReleaseReason,
): readonly PhoneNumberClaimEvent[] =>
  state.holder?.userId === request.userId && state.holder.deviceId === request.deviceId
    ? [{ type: 'PhoneNumberReleased', data: { ...request, reason } }]
    : [];
