/**
 * Failed status proofs are throttled per kiosk: a few typos are free, then the lookup waits, so
 * that stepping through tracking codes with guessed answers is too slow to be worth it. Only
 * failures count; the record is kept by the kiosk across restarts.
 */

export const FREE_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export interface LookupFailures {
  /** Epoch ms of the recent failed proofs, oldest first. */
  at: number[];
}

export const NO_FAILURES: LookupFailures = { at: [] };

function recent(failures: LookupFailures, now: number): number[] {
  // A clock set back makes "future" failures: they still count, within one window's length.
  return failures.at.filter((at) => now - at < FAILURE_WINDOW_MS && at - now < FAILURE_WINDOW_MS);
}

/** Null when a lookup may run now; otherwise when the next one may. */
export function lookupBlockedUntil(failures: LookupFailures, now: number): number | null {
  const kept = recent(failures, now);
  if (kept.length < FREE_FAILURES) return null;
  const oldest = Math.min(...kept);
  return Math.min(oldest, now) + FAILURE_WINDOW_MS;
}

export function afterFailedProof(failures: LookupFailures, now: number): LookupFailures {
  return { at: [...recent(failures, now), now].slice(-FREE_FAILURES * 2) };
}
