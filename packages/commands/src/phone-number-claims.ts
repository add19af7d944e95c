import * as E from 'fp-ts/Either';
import {
  currentHolder,
  decideClaim,
  decideRelease,
  findPhone,
  streams,
  type ClaimRequest,
  type Command,
  type PhoneNumberClaimState,
  type RecordedActor,
  type ReleaseReason,
} from '@ssp/domain';
import { appendDecided, type AppendFailure } from './appender';
import type { AttemptInputs } from './attempt';
import { load } from './loaders';
import type { AppendedEvent, CommandError } from './result';
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

const claimStreamOf = (request: ClaimRequest): string => streams.phoneNumberClaim(request.accountId, request.phoneNumber);

export const checkClaim = async (inputs: AttemptInputs, request: ClaimRequest): Promise<E.Either<CommandError, ClaimCheck>> => {
  const { loaders } = inputs;
  const claim = await load(loaders.claim, claimStreamOf(request));
  if (E.isLeft(claim)) return claim;
  const holder = claim.right.state.holder;
  let holderHasDevice = false;
  if (holder !== undefined) {
    const holderStream = await load(loaders.user, streams.userDevices(holder.userId));
    if (E.isLeft(holderStream)) return holderStream;
    const holderState = holderStream.right.state;
    holderHasDevice =
      holderState.status === 'REGISTERED' && findPhone(holderState, holder.deviceId)?.phoneNumber === request.phoneNumber;
  }
  const view = { holderHasDevice, now: inputs.now, leaseSeconds: inputs.claimLeaseSeconds };
  return E.right({ snapshot: claim.right, request, holderHasDevice, heldBy: currentHolder(claim.right.state, view) });
};

export const appendClaim = (
  inputs: AttemptInputs,
  command: Command,
  actor: RecordedActor,
  check: ClaimCheck,
): Promise<E.Either<AppendFailure, readonly AppendedEvent[]>> => {
  const events = decideClaim(check.request, check.snapshot.state, {
    holderHasDevice: check.holderHasDevice,
    now: inputs.now,
    leaseSeconds: inputs.claimLeaseSeconds,
  });
  return events.length === 0 ? Promise.resolve(E.right([])) : appendDecided(inputs, command, actor, inputs.loaders.claim, check.snapshot, events);
};

/**
 * Releases the number if this device still holds it. Best effort by design: if it fails, the
 * claim is stale and the next enrollment of the number releases it.
 */
export const releaseClaim = async (
  inputs: AttemptInputs,
  command: Command,
  actor: RecordedActor,
  request: ClaimRequest,
  reason: ReleaseReason,
): Promise<readonly AppendedEvent[]> => {
  for (let tries = 0; tries < 3; tries += 1) {
    const claim = await load(inputs.loaders.claim, claimStreamOf(request));
    if (E.isLeft(claim)) return [];
    const events = decideRelease(request, claim.right.state, reason);
    if (events.length === 0) return [];
    const released = await appendDecided(inputs, command, actor, inputs.loaders.claim, claim.right, events);
    if (E.isRight(released)) return released.right;
    if (released.left.kind !== 'Conflict') return [];
  }
  return [];
};

/**
 * An enrollment that claimed its number and then ended without its device (refused on a
 * retry, or out of retries) gives the number back, unless the device did get recorded.
 */
export const abandonClaim = async (inputs: AttemptInputs, command: Command, request: ClaimRequest): Promise<void> => {
  const user = await load(inputs.loaders.user, streams.userDevices(request.userId));
  if (E.isLeft(user) || user.right.state.status !== 'REGISTERED') return;
  if (findPhone(user.right.state, request.deviceId)?.phoneNumber === request.phoneNumber) return;
  await releaseClaim(inputs, command, { kind: 'system' }, request, 'ENROLLMENT_ABANDONED');
};
