import { describe, expect, it, vi } from 'vitest';
import { PATIENCE } from './support/patience';
import { SYNC_LOCK_NAME, createCycleLock, holdCycleLock } from '../../src/sync/cycleLock';
import { FakeLockManager } from './support/fakeLocks';

// Each test drives the engine through many IndexedDB transactions: give a loaded CI machine room.
vi.setConfig({ testTimeout: 30_000 });

const handlers = () => ({ onAcquired: vi.fn(), onBusy: vi.fn() });

describe('the kiosk-wide sync lock', () => {
  it('lets one window hold it; a second one is told it is busy, until the first releases it', async () => {
    const locks = new FakeLockManager();
    const first = handlers();
    const second = handlers();
    const release = holdCycleLock(locks, first);
    await vi.waitFor(() => expect(first.onAcquired).toHaveBeenCalled(), PATIENCE);
    expect(locks.held.has(SYNC_LOCK_NAME)).toBe(true);
    holdCycleLock(locks, second);
    await vi.waitFor(() => expect(second.onBusy).toHaveBeenCalled(), PATIENCE);
    expect(second.onAcquired).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(locks.held.size).toBe(0), PATIENCE);
    const third = handlers();
    holdCycleLock(locks, third);
    await vi.waitFor(() => expect(third.onAcquired).toHaveBeenCalled(), PATIENCE);
  });

  it('runs the cycle when the browser has no Web Locks', () => {
    const alone = handlers();
    holdCycleLock(null, alone);
    expect(alone.onAcquired).toHaveBeenCalledOnce();
  });

  it('runs the cycle when the lock request itself fails', async () => {
    const failing = handlers();
    holdCycleLock({ request: () => Promise.reject(new DOMException('denied', 'SecurityError')) }, failing);
    await vi.waitFor(() => expect(failing.onAcquired).toHaveBeenCalledOnce(), PATIENCE);
  });

  it('does not report a lock granted after the cycle was abandoned, and lets it go', async () => {
    const locks = new FakeLockManager();
    const late = handlers();
    holdCycleLock(locks, late)();
    await Promise.resolve();
    await vi.waitFor(() => expect(locks.held.size).toBe(0), PATIENCE);
    expect(late.onAcquired).not.toHaveBeenCalled();
  });
});

describe('one window taking the lock cycle after cycle', () => {
  it('waits for its own previous lock to be gone instead of calling it busy', async () => {
    const locks = new FakeLockManager();
    const hold = createCycleLock(locks);
    const first = handlers();
    const releaseFirst = hold(first);
    await vi.waitFor(() => expect(first.onAcquired).toHaveBeenCalled(), PATIENCE);
    releaseFirst();
    const next = handlers();
    hold(next);
    await vi.waitFor(() => expect(next.onAcquired).toHaveBeenCalled(), PATIENCE);
    expect(next.onBusy).not.toHaveBeenCalled();
  });

  it('still finds the lock busy when another window holds it', async () => {
    const locks = new FakeLockManager();
    const otherWindow = handlers();
    createCycleLock(locks)(otherWindow);
    await vi.waitFor(() => expect(otherWindow.onAcquired).toHaveBeenCalled(), PATIENCE);
    const mine = handlers();
    createCycleLock(locks)(mine);
    await vi.waitFor(() => expect(mine.onBusy).toHaveBeenCalled(), PATIENCE);
  });
});
