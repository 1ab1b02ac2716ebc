import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recoverFromCrashes, systemClock, type CrashRecoveryPolicy } from '../../electron/crashRecovery';
import { FakeEmitter } from './fakes/emitter';

class FakeContents extends FakeEmitter {
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly forcefullyCrashRenderer = vi.fn();
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const POLICY: CrashRecoveryPolicy = { maxFailures: 3, windowMs: 10 * 60_000, reloadDelaysMs: [1_000, 5_000, 15_000], coolOffMs: 15 * 60_000 };
const INDEX = 'app://kiosk/index.html';
const OUT_OF_ORDER = 'app://kiosk/out-of-order.html';

function watched(): FakeContents {
  const contents = new FakeContents();
  recoverFromCrashes(contents, systemClock, POLICY);
  return contents;
}

const crash = (contents: FakeContents): void => contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });

describe('crash recovery, capped', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads the app after a renderer crash, once the first delay has passed', () => {
    const contents = watched();
    crash(contents);
    vi.advanceTimersByTime(999);
    expect(contents.loadURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(INDEX);
  });

  it('waits longer after each failure in the window', () => {
    const contents = watched();
    crash(contents);
    vi.advanceTimersByTime(1_000);
    expect(contents.loadURL).toHaveBeenCalledTimes(1);
    crash(contents);
    vi.advanceTimersByTime(4_999);
    expect(contents.loadURL).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(contents.loadURL).toHaveBeenCalledTimes(2);
  });

  it('shows the out-of-order page instead of a reload loop after N failures within the window, even though every reload loaded', () => {
    const contents = watched();
    for (let failure = 1; failure < POLICY.maxFailures; failure += 1) {
      crash(contents);
      vi.advanceTimersByTime(20_000);
      contents.emit('did-finish-load');
    }
    crash(contents);
    expect(contents.loadURL).toHaveBeenLastCalledWith(OUT_OF_ORDER);
    vi.advanceTimersByTime(POLICY.coolOffMs - 1);
    expect(contents.loadURL).toHaveBeenLastCalledWith(OUT_OF_ORDER);
  });

  it('tries the app again once the cool-off has passed', () => {
    const contents = watched();
    for (let failure = 0; failure < POLICY.maxFailures; failure += 1) {
      crash(contents);
      vi.advanceTimersByTime(20_000);
    }
    vi.advanceTimersByTime(POLICY.coolOffMs);
    expect(contents.loadURL).toHaveBeenLastCalledWith(INDEX);
  });

  it('forgets failures older than the window, so rare crashes over days never reach the cap', () => {
    const contents = watched();
    for (let day = 0; day < 5; day += 1) {
      crash(contents);
      vi.advanceTimersByTime(POLICY.windowMs + 1);
    }
    expect(contents.loadURL.mock.calls.every(([url]) => url === INDEX)).toBe(true);
    expect(contents.loadURL).toHaveBeenCalledTimes(5);
  });

  it('kills and reloads a renderer that stays unresponsive, without counting its own kill as another crash', () => {
    const contents = watched();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(1_000);
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(INDEX);
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    vi.advanceTimersByTime(60_000);
    expect(contents.loadURL).toHaveBeenCalledTimes(1);
  });

  it('leaves a renderer that becomes responsive again alone, keeping the citizen on their page', () => {
    const contents = watched();
    contents.emit('unresponsive');
    contents.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(contents.loadURL).not.toHaveBeenCalled();
  });

  it('does nothing once the window is gone (the app quitting)', () => {
    const contents = watched();
    crash(contents);
    contents.destroyed = true;
    vi.advanceTimersByTime(60_000);
    expect(contents.loadURL).not.toHaveBeenCalled();
  });

  it('counts hangs and crashes together towards the cap', () => {
    const contents = watched();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(1_000);
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    crash(contents);
    vi.advanceTimersByTime(5_000);
    crash(contents);
    expect(contents.loadURL).toHaveBeenLastCalledWith(OUT_OF_ORDER);
  });
});
