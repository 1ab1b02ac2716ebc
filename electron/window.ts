import type { BrowserWindowConstructorOptions } from 'electron';
import { INDEX_URL } from './appOrigin';

export interface KioskWindowOptions {
  /** `app.isPackaged`: devtools exist only in development builds. */
  isPackaged: boolean;
  preloadPath: string;
  /** False until the app itself is quitting: a page's `window.close()` must not leave a bare desktop. */
  mayClose(): boolean;
}

/** The lockdown of the one window the citizen sees; every web preference is explicit, defaults are not trusted. */
export function kioskWindowOptions({ isPackaged, preloadPath }: Pick<KioskWindowOptions, 'isPackaged' | 'preloadPath'>): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    // Shown once the first paint is ready, so the citizen never sees a blank frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: !isPackaged,
      spellcheck: false,
    },
  };
}

/** The parts of BrowserWindow used here (a real BrowserWindow satisfies it). */
export interface KioskWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** Creates the kiosk window and loads the app from its own scheme. */
export function createKioskWindow<W extends KioskWindow>(
  makeWindow: (options: BrowserWindowConstructorOptions) => W,
  options: KioskWindowOptions,
): W {
  const window = makeWindow(kioskWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (!options.mayClose()) event.preventDefault();
  });
  void window.loadURL(INDEX_URL);
  return window;
}
