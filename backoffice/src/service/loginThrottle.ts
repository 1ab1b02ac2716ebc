import type { StaffStore, ThrottleState } from '../store/staffTypes';

/**
 * Failed logins are counted per account and per address, in the database (a restart forgives
 * nothing). Past the limit within the window, the key is locked: every attempt, right or wrong,
 * is refused until the lock ends. A success clears the account's count, not the address's.
 */
export interface ThrottlePolicy {
  windowMs: number;
  lockMs: number;
  accountMaxFailures: number;
  addressMaxFailures: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountMaxFailures: 5,
  addressMaxFailures: 20,
};

export const accountKey = (staffId: string) => `account:${staffId}`;
export const addressKey = (address: string) => `address:${address}`;

/** When the key is locked until, if it is now. */
export async function lockedUntil(store: StaffStore, key: string, now: Date): Promise<Date | null> {
  const state = await store.getThrottle(key);
  if (!state?.lockedUntil) return null;
  const until = new Date(state.lockedUntil);
  return until > now ? until : null;
}

export async function recordFailure(store: StaffStore, key: string, max: number, policy: ThrottlePolicy, now: Date): Promise<void> {
  const state = await store.getThrottle(key);
  const windowOpen = state !== null && now.getTime() - Date.parse(state.windowStartedAt) < policy.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const next: ThrottleState = {
    failures,
    windowStartedAt: windowOpen ? state.windowStartedAt : now.toISOString(),
    lockedUntil: failures >= max ? new Date(now.getTime() + policy.lockMs).toISOString() : (state?.lockedUntil ?? null),
  };
  await store.putThrottle(key, next);
}
