import * as E from 'fp-ts/Either';
import {
  currentHolder,
  decideClaim,
  decideRelease,
  findPhone,
  type ClaimRequest,
  type PhoneNumberClaimState,
  type RecordedActor,
  type Command,
  type ReleaseReason,
} from '@ssp/domain';
import { appendDecided, type AppendFailure } from './appender';
import { appendContext, loadOrFail, type Attempt } from './context';
import type { AppendedEvent, CommandError } from './result';
import { streams } from './streams';
import type { StreamSnapshot } from './stream-loader';

/**
 * Number uniqueness across users. EventStoreDB cannot append to two streams atomically, so
 * an enrollment claims the number first (its own stream, `PhoneNumberClaim-<account>-<digits>`)
 * and appends the device second; a removal appends first and releases second. Whatever
 * crashes in between, no device is ever without its claim: the claim is made first and
 * released last. A claim whose device never appeared, or has gone, is stale: after a short
 * lease it is released by the next enrollment of that number (see `currentHolder`).
 */
export type ClaimCheck = Readonly<{
  snapshot: StreamSnapshot<PhoneNumberClaimState>;
  request: ClaimRequest;
  holderHasDevice: boolean;
  heldBy: string | undefined;
}>;

export const checkClaim = async (attempt: Attempt, request: ClaimRequest): Promise<E.Either<CommandError, ClaimCheck>> => {
  const { loaders } = attempt;
  const claim = await loadOrFail(loaders.claim, streams.phoneNumberClaim(request.accountId, request.phoneNumber));
  if (E.isLeft(claim)) return claim;
  const holder = claim.right.state.holder;
  let holderHasDevice = false;
  if (holder !== undefined) {
    const holderStream = await loadOrFail(loaders.user, streams.userDevices(holder.userId));
    if (E.isLeft(holderStream)) return holderStream;
    const holderState = holderStream.right.state;
    holderHasDevice =
      holderState.status === 'REGISTERED' && findPhone(holderState, holder.deviceId)?.phoneNumber === request.phoneNumber;
  }
  const view = { holderHasDevice, now: attempt.now, leaseSeconds: attempt.claimLeaseSeconds };
  return E.right({ snapshot: claim.right, request, holderHasDevice, heldBy: currentHolder(claim.right.state, view) });
};

export const appendClaim = (
  attempt: Attempt,
  command: Command,
  actor: RecordedActor,
  check: ClaimCheck,
): Promise<E.Either<AppendFailure, readonly AppendedEvent[]>> => {
  const events = decideClaim(check.request, check.snapshot.state, {
    holderHasDevice: check.holderHasDevice,
    now: attempt.now,
    leaseSeconds: attempt.claimLeaseSeconds,
  });
  return events.length === 0
    ? Promise.resolve(E.right([]))
    : appendDecided(appendContext(attempt, command, actor), attempt.loaders.claim, check.snapshot, events);
};

/**
 * Releases the number if this device still holds it. Best effort by design: if it fails, the
 * claim is stale and the next enrollment of the number releases it.
 */
export const releaseClaim = async (
  attempt: Attempt,
  command: Command,
  actor: RecordedActor,
  request: ClaimRequest,
  reason: ReleaseReason,
): Promise<readonly AppendedEvent[]> => {
  for (let tries = 0; tries < 3; tries += 1) {
    const claim = await loadOrFail(attempt.loaders.claim, streams.phoneNumberClaim(request.accountId, request.phoneNumber));
    if (E.isLeft(claim)) return [];
    const events = decideRelease(request, claim.right.state, reason);
    if (events.length === 0) return [];
    const released = await appendDecided(appendContext(attempt, command, actor), attempt.loaders.claim, claim.right, events);
    if (E.isRight(released)) return released.right;
    if (released.left.kind !== 'Conflict') return [];
  }
  return [];
};
