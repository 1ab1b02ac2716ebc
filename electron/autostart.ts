import path from 'node:path';
import type { App } from 'electron';

export interface AutostartFiles {
  mkdir(directory: string, options: { recursive: true }): Promise<unknown>;
  writeFile(file: string, data: string, options: { encoding: 'utf8'; mode: number }): Promise<void>;
}

export interface AutostartTarget {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings' | 'getPath'>;
  files: AutostartFiles;
  /** The executable to start: `$APPIMAGE` for an AppImage (its `execPath` is a temporary mount), else `process.execPath`. */
  executable: string;
}

export const AUTOSTART_FILE_NAME = 'ma.shubbak.kiosk.desktop';

/**
 * Quotes an argument for a desktop entry's Exec key (freedesktop Desktop Entry spec): inside
 * double quotes, `"`, `` ` ``, `$` and `\` are escaped; `%` is doubled because it starts field codes.
 */
export function desktopExecArgument(argument: string): string {
  return `"${argument.replace(/["`$\\]/g, (character) => `\\${character}`).replace(/%/g, '%%')}"`;
}

export function autostartDesktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Shubbak',
    `Exec=${desktopExecArgument(executable)}`,
    'Terminal=false',
    'NoDisplay=true',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Starts the kiosk when the kiosk user logs in. Windows (and macOS) keep login items themselves;
 * Linux desktops follow the XDG autostart folder. The OS session is still the operator's to
 * lock down (docs/security.md); this only makes sure the app comes back after a reboot.
 */
export async function enableStartAtLogin({ platform, app, files, executable }: AutostartTarget): Promise<void> {
  if (platform === 'win32' || platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: true });
    return;
  }
  if (platform === 'linux') {
    // Electron's appData on Linux is $XDG_CONFIG_HOME, ~/.config by default: the folder XDG autostart reads.
    const directory = path.join(app.getPath('appData'), 'autostart');
    await files.mkdir(directory, { recursive: true });
    await files.writeFile(path.join(directory, AUTOSTART_FILE_NAME), autostartDesktopEntry(executable), { encoding: 'utf8', mode: 0o644 });
  }
}
