import type { App } from 'electron';

interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * One kiosk window per machine. Returns false when another instance holds the lock: the caller
 * quits. A second launch (an operator double-clicking, a start-at-login racing a manual start)
 * brings the running window back to the front instead.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit'> & { on(event: 'second-instance', listener: () => void): unknown },
  currentWindow: () => FocusableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
