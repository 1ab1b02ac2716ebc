/**
 * Retry delays: exponential growth with "full jitter" (a uniformly random delay between 0 and
 * the exponential ceiling), so a fleet of kiosks coming back online does not hammer the back
 * office in step. A server's Retry-After is a floor: never retry sooner than it asked.
 */

export interface BackoffPolicy {
  /** Ceiling of the first retry, in ms. */
  baseMs: number;
  /** No ceiling grows beyond this, in ms. */
  capMs: number;
  /** Shortest wait, so a random 0 does not turn into a tight loop. */
  minMs: number;
  /** A Retry-After longer than this (a misconfigured server) is cut to it: the kiosk must not sleep for days. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000, minMs: 500, maxRetryAfterMs: 60 * 60_000 };

/**
 * Delay before retry number `attempt` (1 for the first retry).
 * `random` returns a number in [0, 1) and is injected so tests choose it.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  retryAfterMs: number | null = null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.max(policy.minMs, Math.floor(random() * ceiling));
  // A server asking for a longer wait than our cap still gets it (up to an hour): it knows its load.
  return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, policy.maxRetryAfterMs));
}

/** Retry-After is either delta-seconds or an HTTP date; returns ms from `now`, or null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month; anything else ("-5", "soon") is unreadable, not a year.
  const date = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
