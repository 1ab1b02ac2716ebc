import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { PLATFORM_CHANNELS } from '../../src/platform/types';
import { FakeEmitter } from './fakes/emitter';

/**
 * A stand-in for the whole `electron` module. Vitest keeps a mocked module across resetModules,
 * so the mock forwards every export to the fake of the current start of main.ts.
 */
const electron = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock('electron', () =>
  Object.fromEntries(
    ['app', 'BrowserWindow', 'session', 'ipcMain', 'Menu', 'powerSaveBlocker', 'protocol', 'safeStorage', 'shell'].map((name) => [
      name,
      new Proxy(function electronExport() {}, {
        get: (_target, key) => Reflect.get(electron.current[name] as object, key),
        construct: (_target, args) => Reflect.construct(electron.current[name] as new (...a: unknown[]) => object, args),
      }),
    ]),
  ),
);

class FakeWebContents extends FakeEmitter {
  setWindowOpenHandler = vi.fn();
  setVisualZoomLevelLimits = vi.fn(async () => undefined);
  setZoomFactor = vi.fn();
  loadURL = vi.fn(async () => undefined);
  forcefullyCrashRenderer = vi.fn();
  isDestroyed = vi.fn(() => false);
}

function fakeElectron({ lock }: { lock: boolean }) {
  const order: string[] = [];
  let ready: () => void = () => undefined;
  const windows: Array<{ options: BrowserWindowConstructorOptions; loadURL: ReturnType<typeof vi.fn> }> = [];
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (ready = () => {
      order.push('ready');
      resolve();
    }))),
    getPath: vi.fn(() => '/nonexistent/shubbak-test-user-data'),
    getAppPath: vi.fn(() => '/nonexistent/shubbak-test-app'),
    getVersion: vi.fn(() => '0.1.0'),
    setLoginItemSettings: vi.fn(),
  });
  const session = Object.assign(new FakeEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  class BrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
    }
  }
  const module = {
    app,
    BrowserWindow,
    session: { defaultSession: session },
    ipcMain: { handle: vi.fn() },
    Menu: { setApplicationMenu: vi.fn() },
    powerSaveBlocker: { start: vi.fn(() => 1), isStarted: vi.fn(() => false) },
    protocol: { registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: vi.fn(() => true), encryptString: vi.fn(), decryptString: vi.fn() },
    shell: { openExternal: vi.fn() },
  };
  electron.current = module;
  return { module, order, windows, session, makeReady: () => ready() };
}

async function startMain(lock = true) {
  vi.resetModules();
  const fake = fakeElectron({ lock });
  await import('../../electron/main');
  return fake;
}

async function startedMain() {
  const fake = await startMain();
  fake.makeReady();
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
  return fake;
}

describe('main.ts, the composition root', () => {
  afterEach(() => {
    vi.clearAllMocks();
  });

  it('registers the app:// scheme as privileged before ready', async () => {
    const fake = await startMain();
    expect(fake.order).toEqual(['registerSchemesAsPrivileged']);
    fake.makeReady();
    await vi.waitFor(() => expect(fake.windows.length).toBe(1));
    expect(fake.order).toEqual(['registerSchemesAsPrivileged', 'ready']);
    // One call only: Electron keeps the last call's schemes and drops the earlier ones.
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
  });

  it('quits, and opens no window, when another instance holds the lock', async () => {
    const fake = await startMain(false);
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(fake.module.app.whenReady).not.toHaveBeenCalled();
  });

  it('once ready, serves app:// and loads the locked-down kiosk window from it', async () => {
    const { module, windows } = await startedMain();
    expect(module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(windows[0]!.options).toMatchObject({ kiosk: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('denies permissions, refuses downloads, filters the network and removes the application menu', async () => {
    const { module, session } = await startedMain();
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(session.listenerCount('will-download')).toBe(1);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(module.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('turns off swipe-to-go-back on touch screens', async () => {
    const { module } = await startMain();
    expect(module.app.commandLine.appendSwitch).toHaveBeenCalledWith('overscroll-history-navigation', '0');
  });

  it('keeps the display awake once', async () => {
    const { module } = await startedMain();
    expect(module.powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
  });

  it('registers a handler for every platform channel', async () => {
    const { module } = await startedMain();
    const channels = module.ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect(channels.sort()).toEqual(Object.values(PLATFORM_CHANNELS).sort());
  });

  it('guards the navigation of every web contents the app creates', async () => {
    const { module } = await startedMain();
    const contents = new FakeWebContents();
    module.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('guards input and recovers from crashes in the kiosk window', async () => {
    const { windows } = await startedMain();
    const contents = (windows[0] as unknown as { webContents: FakeWebContents }).webContents;
    expect(contents.listenerCount('before-input-event')).toBe(1);
    expect(contents.listenerCount('render-process-gone')).toBe(1);
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });

  it('never calls shell.openExternal', async () => {
    const { module } = await startedMain();
    expect(module.shell.openExternal).not.toHaveBeenCalled();
  });
});
