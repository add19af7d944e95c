/**
 * How long a command keeps deciding again after conflicts. A budget in time, not in count:
 * under contention between processes every conflict means another writer's append succeeded,
 * so a command that keeps losing is making way for others, and a count of attempts would make
 * it give up sooner the faster the store is. The budget also bounds how long a caller waits.
 */
export type RetryPolicy = Readonly<{
  /** Time a command may spend pausing between attempts, in milliseconds. */
  budgetMs: number;
  /** Upper bound of one pause, in milliseconds. */
  maxPauseMs: number;
  /** Optional cap on attempts, for callers that want one; unlimited by default. */
  maxAttempts: number;
}>;

export const defaultRetryPolicy: RetryPolicy = { budgetMs: 5_000, maxPauseMs: 50, maxAttempts: Number.POSITIVE_INFINITY };

/**
 * Where retries take their time from. Real time by default; tests pass a virtual timer so the
 * budget counts only the pauses and never the speed of the machine.
 */
export type RetryTimer = Readonly<{
  /** Milliseconds on a monotonic clock. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}>;

export const realTimer: RetryTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The pause before the next attempt, after `conflicts` conflicts: full jitter over a ceiling
 * that doubles with every conflict seen (4, 8, 16, 32 ms …, up to `maxPauseMs`), so writers
 * that collided spread out instead of colliding again in step, and a stream that keeps
 * conflicting is retried less eagerly.
 */
export const pauseAfter = (conflicts: number, policy: RetryPolicy, random: () => number): number =>
  random() * Math.min(policy.maxPauseMs, 2 * 2 ** Math.min(conflicts, 30));
