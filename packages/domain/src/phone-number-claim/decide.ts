import { secondsBetween } from '../shared/time';
import type { PhoneNumberClaimEvent, ReleaseReason } from './events';
import type { PhoneNumberClaimState } from './state';

/**
 * A phone number belongs to at most one user of an account at a time. The claim lives in a
 * stream of its own because two streams cannot be appended atomically: the command handler
 * claims before it enrolls and releases after it removes, and these functions say what to
 * append. Whether the number is free for the user is decided by the UserDevices rules, from
 * `currentHolder`.
 */
export type ClaimRequest = Readonly<{ accountId: string; phoneNumber: string; userId: string; deviceId: string }>;

/**
 * What the claim's holder looks like from outside: `holderHasDevice` is read from the
 * holder's own stream. A claim whose device never appeared (a crash between the two appends)
 * or has gone (a removal whose release never happened) still counts for `leaseSeconds` after
 * it was made, because an enrollment may be between its two appends right now.
 */
export type ClaimView = Readonly<{ holderHasDevice: boolean; now: string; leaseSeconds: number }>;

/** The user who holds the number, or nothing when it is free or its claim has gone stale. */
export const currentHolder = (state: PhoneNumberClaimState, view: ClaimView): string | undefined => {
  const { holder } = state;
  if (holder === undefined) return undefined;
  if (view.holderHasDevice) return holder.userId;
  return secondsBetween(holder.claimedAt, view.now) <= view.leaseSeconds ? holder.userId : undefined;
};

/** Claim the number for a device, releasing a stale claim first so a number is never blocked forever. */
export const decideClaim = (
  request: ClaimRequest,
  state: PhoneNumberClaimState,
  view: ClaimView,
): readonly PhoneNumberClaimEvent[] => {
  const { holder } = state;
  if (holder?.userId === request.userId && holder.deviceId === request.deviceId) return [];
  const stale: PhoneNumberClaimEvent[] =
    holder !== undefined && currentHolder(state, view) === undefined
      ? [
          {
            type: 'PhoneNumberReleased',
            data: { accountId: request.accountId, phoneNumber: request.phoneNumber, userId: holder.userId, deviceId: holder.deviceId, reason: 'HOLDER_NO_LONGER_HAS_IT' },
          },
        ]
      : [];
  return [...stale, { type: 'PhoneNumberClaimed', data: { ...request, claimedAt: view.now } }];
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
