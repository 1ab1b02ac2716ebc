import { describe, expect, it, vi } from 'vitest';
import { AUTOSTART_FILE_NAME, desktopExecArgument, enableStartAtLogin, type AutostartFiles } from '../../electron/autostart';

function target(platform: NodeJS.Platform, executable = '/opt/Shubbak/shubbak') {
  const files: AutostartFiles = { mkdir: vi.fn(async () => undefined), writeFile: vi.fn(async () => undefined) };
  const app = { setLoginItemSettings: vi.fn(), getPath: vi.fn((name: string) => (name === 'appData' ? '/home/kiosk/.config' : `/unexpected/${name}`)) };
  return { platform, app, files, executable };
}

describe('start at login', () => {
  it('asks Windows to open the app at login', async () => {
    const windows = target('win32', 'C:\\Program Files\\Shubbak\\Shubbak.exe');
    await enableStartAtLogin(windows);
    expect(windows.app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true });
    expect(windows.files.writeFile).not.toHaveBeenCalled();
  });

  it('writes an XDG autostart entry into ~/.config/autostart on Linux', async () => {
    const linux = target('linux');
    await enableStartAtLogin(linux);
    expect(linux.files.mkdir).toHaveBeenCalledWith('/home/kiosk/.config/autostart', { recursive: true });
    const [file, entry] = vi.mocked(linux.files.writeFile).mock.calls[0]!;
    expect(file).toBe(`/home/kiosk/.config/autostart/${AUTOSTART_FILE_NAME}`);
    expect(entry).toContain('[Desktop Entry]\nType=Application\n');
    expect(entry).toContain('Exec="/opt/Shubbak/shubbak"\n');
    expect(linux.app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it.each([
    ['/home/kiosk/Shubbak 0.1.0.AppImage', '"/home/kiosk/Shubbak 0.1.0.AppImage"'],
    ['/opt/a"b/shubbak', '"/opt/a\\"b/shubbak"'],
    ['/opt/$HOME/`x`/shubbak', '"/opt/\\$HOME/\\`x\\`/shubbak"'],
    ['/opt/100%/shubbak', '"/opt/100%%/shubbak"'],
  ])('quotes %s for the Exec key as %s', (path, quoted) => {
    expect(desktopExecArgument(path)).toBe(quoted);
  });
});
