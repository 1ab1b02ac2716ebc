/**
 * Lockout after wrong PINs: the first failures are free (typos), then each further failure locks
 * the pad for twice as long as the one before, up to a cap. The counter is persisted, so a
 * restart never resets it; only a correct PIN does.
 */

export const FREE_ATTEMPTS = 2;
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;

export interface LockoutState {
  /** Consecutive wrong PINs since the last correct one. */
  failures: number;
  /** Epoch ms until which the PIN pad refuses attempts; null when not locked out. */
  lockedUntil: number | null;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null };

/** 3rd failure → 30 s, 4th → 60 s, 5th → 2 min … capped at 1 h. */
export function lockoutDelayMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_LOCKOUT_MS);
}

export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  const delay = lockoutDelayMs(failures);
  return { failures, lockedUntil: delay === 0 ? null : now + delay };
}

/**
 * Milliseconds left before another attempt is allowed. Never more than the cap: a kiosk clock set
 * back by hours must not lock staff out for longer than the policy says.
 */
export function remainingLockoutMs(state: LockoutState, now: number): number {
  if (state.lockedUntil === null) return 0;
  return Math.min(Math.max(0, state.lockedUntil - now), MAX_LOCKOUT_MS);
}
