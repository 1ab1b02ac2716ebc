import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../electron/singleInstance';
import { FakeEmitter } from './fakes/emitter';

function fakeApp(lock: boolean) {
  return Object.assign(new FakeEmitter(), { requestSingleInstanceLock: vi.fn(() => lock), quit: vi.fn() });
}

function fakeWindow(minimized: boolean) {
  return { isMinimized: () => minimized, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

describe('one instance', () => {
  it('quits when another instance holds the lock', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('keeps running when it obtains the lock', () => {
    const app = fakeApp(true);
    expect(claimSingleInstance(app, () => undefined)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('brings the running window back to the front on a second launch', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    claimSingleInstance(app, () => window);
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
