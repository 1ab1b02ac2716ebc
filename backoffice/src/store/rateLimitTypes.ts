/** One more hit on a counter: how many in its current window, and how long until that window ends. */
export interface RateLimitHit {
  count: number;
  ttlMs: number;
}

/**
 * Fixed-window counters for rate limits and login throttles, kept where every instance of the
 * back office sees them: on PostgreSQL, a table shared by all instances (UNLOGGED: counters are
 * worth less than the write-ahead log they would cost, and a crash merely resets them); on
 * SQLite, which one process serves, that process's memory.
 */
export interface RateLimitStore {
  /** Counts a hit on `key`; a window of `windowMs` starts at the first hit after the last one ended. */
  hitRateLimit(key: string, windowMs: number): Promise<RateLimitHit>;
}
