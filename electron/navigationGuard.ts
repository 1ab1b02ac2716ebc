import { isAppUrl } from './appOrigin';

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of `webContents` the guard listens to (a real WebContents satisfies it). */
export interface NavigatingContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview' | 'will-prevent-unload', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps the renderer on the app's own pages: any navigation or redirect elsewhere is cancelled,
 * every new window is denied (window.open, target=_blank, middle click), no webview may attach,
 * and no beforeunload handler can hold a page in place.
 * Nothing is ever handed to `shell.openExternal`: a kiosk has no other application to open.
 */
export function guardNavigation(contents: NavigatingContents): void {
  const stayInApp = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A page's beforeunload must not stall crash recovery or a restart: unloading always proceeds.
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
