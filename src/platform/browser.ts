import { version } from '../../package.json';
import { createPinVault } from '../supervisor/pinVault';
import { createBrowserPinStorage } from './browserPinStorage';
import { createBrowserSecretStore } from './browserSecrets';
import { printInHiddenFrame, type FramePrintOptions } from './browserPrinter';
import { createBrowserInstallationId } from './installationId';
import { receiptHtml } from './receiptHtml';
import type { KioskPlatform } from './types';

export interface BrowserHost {
  document: Document;
  indexedDB: IDBFactory;
  crypto: Crypto;
  reload(): void;
  printing: FramePrintOptions;
  now?: () => number;
}

const PRINT_TIMEOUT_MS = 20_000;

/**
 * The platform when there is no Electron bridge: Chromium in kiosk mode, the remote portal, the
 * tests. Same interface, weaker guarantees (docs/security.md says which).
 */
export function createBrowserPlatform(host: BrowserHost): KioskPlatform {
  const secrets = createBrowserSecretStore(host.indexedDB, host.crypto);
  const installationId = createBrowserInstallationId(host.indexedDB, () => host.crypto.randomUUID());
  const pinVault = createPinVault(createBrowserPinStorage(secrets), host.now ?? Date.now);
  return {
    printReceipt: (receipt) => printInHiddenFrame(host.document, receiptHtml(receipt), host.printing),
    writeSecret: (name, value) => secrets.write(name, value),
    readSecret: (name) => secrets.read(name),
    pinLockState: () => pinVault.state(),
    unlockWithPin: (pin) => pinVault.unlock(pin),
    setFirstPin: (pin) => pinVault.setFirstPin(pin),
    changePin: (currentPin, nextPin) => pinVault.changePin(currentPin, nextPin),
    deviceIdentity: async () => ({ installationId: await installationId(), host: 'browser' }),
    restart: async () => host.reload(),
    appVersion: async () => version,
  };
}

/** The browser platform over the page's own globals. */
export function browserPlatformForPage(page: Window): KioskPlatform {
  return createBrowserPlatform({
    document: page.document,
    indexedDB: page.indexedDB,
    crypto: page.crypto,
    reload: () => page.location.reload(),
    printing: { timeoutMs: PRINT_TIMEOUT_MS, setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
  });
}
