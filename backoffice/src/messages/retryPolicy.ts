/**
 * When to try a message again: exponential backoff with "equal jitter" (half the delay fixed,
 * half random), so messages that failed together (an SMTP outage) do not all come back in the
 * same second, and a cap on attempts after which the message is given up and shown as failed.
 */
export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** The longest delay between two attempts. */
  maxDelayMs: number;
  /** Attempts in all, the first included; then `failed`. */
  maxAttempts: number;
}

/** About 30 s, 1 min, 2 min, … capped at 1 h; 10 attempts span about 4 hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 10 };

/** The delay before the next attempt, after `attempts` attempts (1 or more) failed. `random` in [0, 1). */
export function retryDelayMs(attempts: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxDelayMs'>, random: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (random * exponential) / 2);
}
