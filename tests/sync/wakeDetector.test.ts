import { describe, expect, it, vi } from 'vitest';
import { startWakeDetector } from '../../src/sync/wakeDetector';

function fakeInterval() {
  let tick: (() => void) | null = null;
  return {
    setInterval: (callback: () => void) => {
      tick = callback;
      return 1;
    },
    clearInterval: vi.fn(),
    tick: () => tick?.(),
  };
}

describe('noticing the kiosk woke from sleep', () => {
  it.each([
    { case: 'on time', elapsed: 15_000, wakes: 0 },
    { case: 'a little late', elapsed: 40_000, wakes: 0 },
    { case: 'much later than asked (the machine slept)', elapsed: 10 * 60_000, wakes: 1 },
    { case: 'earlier than it started (the clock was set back)', elapsed: -3_600_000, wakes: 0 },
  ])('does $wakes wake-ups when the timer fires $case', ({ elapsed, wakes }) => {
    let now = 1_000_000;
    const timer = fakeInterval();
    const onWake = vi.fn();
    startWakeDetector({ now: () => now, intervalMs: 15_000, setInterval: timer.setInterval, clearInterval: timer.clearInterval, onWake });
    now += elapsed;
    timer.tick();
    expect(onWake).toHaveBeenCalledTimes(wakes);
  });

  it('wakes when the page becomes visible again, and stops listening when stopped', () => {
    const timer = fakeInterval();
    const onWake = vi.fn();
    const page = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
    const stop = startWakeDetector({ now: () => 0, intervalMs: 15_000, setInterval: timer.setInterval, clearInterval: timer.clearInterval, document: page, onWake });
    page.dispatchEvent(new Event('visibilitychange'));
    expect(onWake).not.toHaveBeenCalled();
    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(onWake).toHaveBeenCalledOnce();
    stop();
    page.dispatchEvent(new Event('visibilitychange'));
    expect(onWake).toHaveBeenCalledOnce();
    expect(timer.clearInterval).toHaveBeenCalledWith(1);
  });
});
