import { at, command, actors, decide, ids, minutes, T0 } from '../testing';
import { aliceWithMobile, numbers, portal, userRegistered } from '../testing/histories';
import { userDevicesDecider } from '../user-devices';
import {
  currentHolder,
  decideClaim,
  decideRelease,
  evolvePhoneNumberClaim,
  initialPhoneNumberClaimState,
  type ClaimRequest,
  type ClaimView,
  type PhoneNumberClaimEvent,
} from '.';

/**
 * A number's claim is decided by pure functions rather than a decider: the UserDevices rules
 * say whether the number is free (from `currentHolder`), these say what the claim stream records.
 */
const given = (history: readonly PhoneNumberClaimEvent[]) => history.reduce(evolvePhoneNumberClaim, initialPhoneNumberClaimState);

const lease = minutes(2);
const view = (seconds: number, holderHasDevice: boolean): ClaimView => ({ now: at(seconds), holderHasDevice, leaseSeconds: lease });

const alicesMobile: ClaimRequest = { accountId: ids.account, phoneNumber: numbers.alice, userId: ids.alice, deviceId: ids.mobile };
const bobsMobile: ClaimRequest = { ...alicesMobile, userId: ids.bob, deviceId: ids.secondMobile };
const claimed = (request: ClaimRequest, claimedAt: string = T0): PhoneNumberClaimEvent => ({ type: 'PhoneNumberClaimed', data: { ...request, claimedAt } });
const released = (request: ClaimRequest, reason: 'DEVICE_REMOVED' | 'ENROLLMENT_ABANDONED' | 'HOLDER_NO_LONGER_HAS_IT'): PhoneNumberClaimEvent => ({
  type: 'PhoneNumberReleased',
  data: { ...request, reason },
});

describe('who holds a number', () => {
  it('no one, when it was never claimed or was released', () => {
    expect(currentHolder(given([]), view(0, false))).toBeUndefined();
    expect(currentHolder(given([claimed(alicesMobile), released(alicesMobile, 'DEVICE_REMOVED')]), view(0, false))).toBeUndefined();
  });

  it('the claimant, while they have the device', () => {
    expect(currentHolder(given([claimed(alicesMobile)]), view(minutes(60), true))).toBe(ids.alice);
  });

  it('the claimant, for the lease, while the device is not (yet) in their stream: an enrollment may be between its two appends', () => {
    expect(currentHolder(given([claimed(alicesMobile)]), view(lease, false))).toBe(ids.alice);
  });

  it('no one, once the lease has passed without the device', () => {
    expect(currentHolder(given([claimed(alicesMobile)]), view(lease + 1, false))).toBeUndefined();
  });
});

describe('claiming a number', () => {
  it('a free number is claimed for the device, with the time', () => {
    expect(decideClaim(alicesMobile, given([]), view(30, false))).toEqual([claimed(alicesMobile, at(30))]);
  });

  it('a number released is free again', () => {
    const history = [claimed(alicesMobile), released(alicesMobile, 'DEVICE_REMOVED')];
    expect(decideClaim(bobsMobile, given(history), view(30, false))).toEqual([claimed(bobsMobile, at(30))]);
  });

  it('claiming again for the device that holds it changes nothing (a retried enrollment)', () => {
    expect(decideClaim(alicesMobile, given([claimed(alicesMobile)]), view(30, false))).toEqual([]);
  });

  it('a stale claim is released first, so a number is never blocked forever', () => {
    expect(decideClaim(bobsMobile, given([claimed(alicesMobile)]), view(lease + 1, false))).toEqual([
      released(alicesMobile, 'HOLDER_NO_LONGER_HAS_IT'),
      claimed(bobsMobile, at(lease + 1)),
    ]);
  });

  it('the same user re-enrolling the number on a new device takes over their own stale claim', () => {
    const newDevice = { ...alicesMobile, deviceId: ids.secondMobile };
    expect(decideClaim(newDevice, given([claimed(alicesMobile)]), view(lease + 1, false))).toEqual([
      released(alicesMobile, 'HOLDER_NO_LONGER_HAS_IT'),
      claimed(newDevice, at(lease + 1)),
    ]);
  });
});

describe('a claim within its lease keeps the number from another user', () => {
  const enrollBob = command('EnrollDevice', actors.admin(ids.owner), { userId: ids.bob, deviceId: ids.secondMobile, kind: 'MOBILE', phoneNumber: numbers.alice });

  it('the UserDevices rules refuse the number while currentHolder names someone else', () => {
    const numberHeldBy = currentHolder(given([claimed(alicesMobile)]), view(lease, false));
    expect(numberHeldBy).toBe(ids.alice);
    decide(userDevicesDecider)
      .given([userRegistered(ids.bob)], portal({ ...(numberHeldBy === undefined ? {} : { numberHeldBy }) }))
      .when(enrollBob)
      .thenFails('DUPLICATE');
  });

  it('and accept it once the lease has passed', () => {
    const numberHeldBy = currentHolder(given([claimed(alicesMobile)]), view(lease + 1, false));
    expect(numberHeldBy).toBeUndefined();
    decide(userDevicesDecider).given([userRegistered(ids.bob)], portal()).when(enrollBob).then([
      { type: 'DeviceEnrolled', data: { accountId: ids.account, userId: ids.bob, deviceId: ids.secondMobile, kind: 'MOBILE', platform: 'UNKNOWN', name: 'Phone', phoneNumber: numbers.alice } },
    ]);
  });

  it("the holder's own enrollment is not refused by its own claim", () => {
    const enrollAlice = command('EnrollDevice', actors.admin(ids.owner), { userId: ids.alice, deviceId: ids.mobile, kind: 'MOBILE', phoneNumber: numbers.alice, platform: 'IOS' });
    decide(userDevicesDecider).given([userRegistered()], portal({ numberHeldBy: ids.alice })).when(enrollAlice).then(aliceWithMobile.slice(1));
  });
});

describe('releasing a number', () => {
  it('the device holding it releases it, with the reason', () => {
    expect(decideRelease(alicesMobile, given([claimed(alicesMobile)]), 'DEVICE_REMOVED')).toEqual([released(alicesMobile, 'DEVICE_REMOVED')]);
    expect(decideRelease(alicesMobile, given([claimed(alicesMobile)]), 'ENROLLMENT_ABANDONED')).toEqual([released(alicesMobile, 'ENROLLMENT_ABANDONED')]);
  });

  it('another device, or another user, releases nothing', () => {
    expect(decideRelease(bobsMobile, given([claimed(alicesMobile)]), 'DEVICE_REMOVED')).toEqual([]);
    expect(decideRelease({ ...alicesMobile, deviceId: ids.tablet }, given([claimed(alicesMobile)]), 'DEVICE_REMOVED')).toEqual([]);
  });

  it('a free number releases nothing', () => {
    expect(decideRelease(alicesMobile, given([]), 'DEVICE_REMOVED')).toEqual([]);
  });
});

describe('the claim as history states it', () => {
  it('names its holder and since when, and no one once released', () => {
    expect(given([claimed(alicesMobile)])).toEqual({ holder: { userId: ids.alice, deviceId: ids.mobile, claimedAt: T0 } });
    expect(given([claimed(alicesMobile), released(alicesMobile, 'DEVICE_REMOVED')])).toEqual({});
  });
});
