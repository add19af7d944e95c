export * from './events';
export { decideClaim, decideRelease, type ClaimRequest } from './decide';
export { evolvePhoneNumberClaim, initialPhoneNumberClaimState, type PhoneNumberClaimState } from './state';
