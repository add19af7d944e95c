/**
 * The limits the spec marks as policy, with its defaults. Callers override any of them:
 * `{ ...defaultPolicy, maxPhones: 5 }`.
 */
export type Policy = Readonly<{
  /** How long a completed step-up authorises changes. */
  stepUpFreshSeconds: number;
  /** How long a portal session lasts after it starts. */
  sessionSeconds: number;
  /** How long a Duo Mobile activation stays valid when the command does not say. */
  activationValidSeconds: number;
  /** The longest validity a caller may ask for an activation. */
  activationMaxSeconds: number;
  /** Phones per user; hardware tokens do not count. */
  maxPhones: number;
}>;

export const defaultPolicy: Policy = {
  stepUpFreshSeconds: 5 * 60,
  sessionSeconds: 15 * 60,
  activationValidSeconds: 24 * 60 * 60,
  activationMaxSeconds: 7 * 24 * 60 * 60,
  maxPhones: 10,
};
