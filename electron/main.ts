import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import { APP_ORIGIN } from './appOrigin';
import { enableStartAtLogin } from './autostart';
import { recoverFromCrashes, systemClock } from './crashRecovery';
import { createDisplayAwake } from './displayAwake';
import { refuseDownloads } from './downloads';
import { guardInput } from './inputGuard';
import { createInstallationId } from './installationId';
import { registerPlatformIpc } from './ipc/registerPlatformIpc';
import { readBackofficeOrigin } from './kioskConfig';
import { guardNavigation } from './navigationGuard';
import { restrictNetwork } from './networkPolicy';
import { restrictPermissions } from './permissions';
import { createPrintPages } from './printPages';
import { createReceiptPrinter, PRINT_WINDOW_OPTIONS } from './printing';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { createMainPinVaultStorage } from './pinVaultStorage';
import { createSecretStore } from './secrets';
import { claimSingleInstance } from './singleInstance';
import { createPinVault } from '../src/supervisor/pinVault';
import { createKioskWindow } from './window';

/*
 * Composition root: every policy lives in its own module, which receives the Electron objects it
 * acts on. This file only decides the order: the scheme before `ready`, the session and IPC
 * before the window, the window last.
 */

const PRINT_TIMEOUT_MS = 30_000;

registerAppScheme(protocol);
// Touch screens: a horizontal swipe must not navigate back.
app.commandLine.appendSwitch('overscroll-history-navigation', '0');

let kioskWindow: BrowserWindow | undefined;
let quitting = false;

if (claimSingleInstance(app, () => kioskWindow)) {
  // Every web contents, including the hidden print window, stays on the app's pages.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    // A kiosk that cannot start its policies must not run without them.
    console.error('kiosk start failed', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  // No application menu: its default accelerators (reload, devtools, zoom, quit) would bypass the input guard.
  Menu.setApplicationMenu(null);
  const userData = app.getPath('userData');
  const rendererRoot = path.join(app.getAppPath(), 'dist');
  const operatorConfig = path.join(userData, 'kiosk-config.json');
  const backofficeOrigin = await readBackofficeOrigin((file) => fs.readFile(file, 'utf8'), [operatorConfig, path.join(rendererRoot, 'kiosk-config.json')]);
  const printPages = createPrintPages(randomUUID);

  registerAppProtocol(protocol, {
    root: rendererRoot,
    readFile: (file) => fs.readFile(file),
    backofficeOrigin,
    printPages,
    overrides: { 'kiosk-config.json': operatorConfig, 'out-of-order.html': path.join(__dirname, 'static', 'out-of-order.html') },
  });

  const kioskSession = session.defaultSession;
  restrictPermissions(kioskSession);
  refuseDownloads(kioskSession);
  restrictNetwork(kioskSession.webRequest, backofficeOrigin, !app.isPackaged);
  createDisplayAwake(powerSaveBlocker).start();
  if (app.isPackaged) {
    await enableStartAtLogin({ platform: process.platform, app, files: fs, executable: process.env.APPIMAGE ?? process.execPath }).catch((error: unknown) => {
      console.error('start at login could not be enabled', error);
    });
  }

  const secrets = createSecretStore(safeStorage, fs, userData);
  registerPlatformIpc(ipcMain, {
    appOrigin: APP_ORIGIN,
    printReceipt: createReceiptPrinter({
      openHiddenWindow: () => new BrowserWindow(PRINT_WINDOW_OPTIONS),
      pages: printPages,
      clock: systemClock,
      timeoutMs: PRINT_TIMEOUT_MS,
    }),
    secrets,
    pinVault: createPinVault(createMainPinVaultStorage(secrets, fs, userData), Date.now),
    installationId: createInstallationId(fs, userData, randomUUID),
    restart: () => {
      app.relaunch();
      app.exit(0);
    },
    appVersion: () => app.getVersion(),
  });

  kioskWindow = createKioskWindow((options) => new BrowserWindow(options), {
    isPackaged: app.isPackaged,
    preloadPath: path.join(__dirname, 'preload.cjs'),
    mayClose: () => quitting,
  });
  guardInput(kioskWindow.webContents);
  recoverFromCrashes(kioskWindow.webContents, systemClock);
}
