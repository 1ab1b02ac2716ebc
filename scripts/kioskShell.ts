/**
 * Which window `npm start` opens the kiosk in, decided from what this machine has. Pure: the
 * checks (files, environment) are made by the caller and passed in, so tests cover every case.
 */

export interface ShellFacts {
  /** The Electron binary is on disk (node_modules/electron/path.txt and the file it names). */
  electronBinary: boolean;
  /** The Electron main-process bundle (dist-electron/main.cjs) was built. */
  electronBundle: boolean;
  /** Path of a Chromium executable, or null. */
  chromium: string | null;
  /** DISPLAY or WAYLAND_DISPLAY is set. */
  display: boolean;
}

export type KioskShell =
  | { kind: 'electron' }
  | { kind: 'chromium'; executable: string }
  | { kind: 'none'; reason: 'noDisplay' | 'noBrowser' };

export function chooseKioskShell(facts: ShellFacts): KioskShell {
  if (!facts.display) return { kind: 'none', reason: 'noDisplay' };
  if (facts.electronBinary && facts.electronBundle) return { kind: 'electron' };
  if (facts.chromium) return { kind: 'chromium', executable: facts.chromium };
  return { kind: 'none', reason: 'noBrowser' };
}

/** One line for the operator's terminal; never claims Electron unless Electron is what opens. */
export function shellMessage(shell: KioskShell, facts: ShellFacts, kioskUrl: string): string {
  switch (shell.kind) {
    case 'electron':
      return 'Opening the kiosk in Electron.';
    case 'chromium':
      return facts.electronBinary
        ? 'Electron main process not built (dist-electron/main.cjs missing): opening the kiosk in Chromium kiosk mode instead.'
        : 'Electron binary not available on this machine: opening the kiosk in Chromium kiosk mode instead.';
    case 'none':
      return shell.reason === 'noDisplay'
        ? `No display (DISPLAY and WAYLAND_DISPLAY are unset): not opening a window. The kiosk is served at ${kioskUrl}`
        : `Neither Electron nor Chromium is available (install it with: sudo apt-get install chromium). The kiosk is served at ${kioskUrl}`;
  }
}

/** Chromium as a locked-down kiosk window on its own profile, printing receipts without a dialog. */
export function chromiumKioskArgs(kioskUrl: string, profileDir: string): string[] {
  return [
    '--kiosk',
    `--app=${kioskUrl}`,
    '--kiosk-printing',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-translate',
    '--disable-features=Translate',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--password-store=basic',
  ];
}
