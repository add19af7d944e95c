export * from './events';
export { currentHolder, decideClaim, decideRelease, type ClaimRequest, type ClaimView } from './decide';
export { evolvePhoneNumberClaim, initialPhoneNumberClaimState, type PhoneNumberClaimState } from './state';
