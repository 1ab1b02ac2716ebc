import { describe, expect, it } from 'vitest';
import { afterFailure, lockoutDelayMs, NO_LOCKOUT, remainingLockoutMs } from '../../src/machines/supervisor/lockout';

describe('the lockout after wrong PINs', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 30_000],
    [4, 60_000],
    [5, 120_000],
    [9, 1_920_000],
    [10, 3_600_000],
    [50, 3_600_000],
  ])('after %i consecutive failures waits %i ms', (failures, delay) => {
    expect(lockoutDelayMs(failures)).toBe(delay);
  });

  it('sets the end of the lockout from the time of the failure', () => {
    const twoFailures = afterFailure(afterFailure(NO_LOCKOUT, 0), 0);
    expect(twoFailures).toEqual({ failures: 2, lockedUntil: null });
    expect(afterFailure(twoFailures, 1_000)).toEqual({ failures: 3, lockedUntil: 31_000 });
  });

  it('never waits longer than the cap, even when the clock was set back', () => {
    expect(remainingLockoutMs({ failures: 12, lockedUntil: 10 * 3_600_000 }, 0)).toBe(3_600_000);
    expect(remainingLockoutMs({ failures: 3, lockedUntil: 1_000 }, 5_000)).toBe(0);
  });
});
