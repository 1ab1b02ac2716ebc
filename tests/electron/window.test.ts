import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createKioskWindow, kioskWindowOptions } from '../../electron/window';
import { FakeEmitter, preventableEvent } from './fakes/emitter';

class FakeWindow extends FakeEmitter {
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
}

function openWindow({ isPackaged = true, mayClose = (): boolean => false }: { isPackaged?: boolean; mayClose?: () => boolean } = {}): FakeWindow {
  return createKioskWindow((options) => new FakeWindow(options), { isPackaged, preloadPath: '/app/dist-electron/preload.cjs', mayClose });
}

describe('the kiosk window', () => {
  it('loads only the app from its own scheme', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    for (const [url] of window.loadURL.mock.calls) expect(url.startsWith('app://')).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('gives the renderer no Node: nodeIntegration and nodeIntegrationInWorker are not true', () => {
    const prefs = kioskWindowOptions({ isPackaged: true, preloadPath: 'p' }).webPreferences!;
    expect(prefs.nodeIntegration).not.toBe(true);
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
  });

  it('keeps context isolation on', () => {
    expect(kioskWindowOptions({ isPackaged: true, preloadPath: 'p' }).webPreferences!.contextIsolation).not.toBe(false);
  });

  it('sets sandbox to true explicitly', () => {
    const prefs = kioskWindowOptions({ isPackaged: true, preloadPath: 'p' }).webPreferences!;
    expect(Object.hasOwn(prefs, 'sandbox')).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('keeps web security on: no insecure content, no experimental or Blink features', () => {
    const prefs = kioskWindowOptions({ isPackaged: true, preloadPath: 'p' }).webPreferences!;
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('does not enable the webview tag', () => {
    expect(kioskWindowOptions({ isPackaged: true, preloadPath: 'p' }).webPreferences!.webviewTag).not.toBe(true);
  });

  it.each([
    { isPackaged: true, devTools: false },
    { isPackaged: false, devTools: true },
  ])('has devTools $devTools when app.isPackaged is $isPackaged', ({ isPackaged, devTools }) => {
    expect(kioskWindowOptions({ isPackaged, preloadPath: 'p' }).webPreferences!.devTools).toBe(devTools);
  });

  it('is a frameless full-screen kiosk window without menu bar or spellchecker, with the preload', () => {
    const options = kioskWindowOptions({ isPackaged: true, preloadPath: '/app/preload.cjs' });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    expect(options.webPreferences).toMatchObject({ spellcheck: false, preload: '/app/preload.cjs' });
  });

  it('refuses to close while the app is not quitting (a page calling window.close())', () => {
    let quitting = false;
    const window = openWindow({ mayClose: () => quitting });
    const whileRunning = preventableEvent();
    window.emit('close', whileRunning);
    expect(whileRunning.defaultPrevented).toBe(true);
    quitting = true;
    const whileQuitting = preventableEvent();
    window.emit('close', whileQuitting);
    expect(whileQuitting.defaultPrevented).toBe(false);
  });

  it('shows itself once the first paint is ready', () => {
    const window = openWindow();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
