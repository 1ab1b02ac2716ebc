import { version } from '../../package.json';
import { createPinVault } from '../supervisor/pinVault';
import { createBrowserPinStorage } from './browserPinStorage';
import { createBrowserSecretStore } from './browserSecrets';
import type { FramePrintOptions } from './browserPrinter';
import { createBrowserInstallationId } from './installationId';
import type { KioskPlatform, PrintResult, ReceiptToPrint } from './types';

export interface BrowserHost {
  document: Document;
  indexedDB: IDBFactory;
  crypto: Crypto;
  reload(): void;
  printing: FramePrintOptions;
  now?: () => number;
}

const PRINT_TIMEOUT_MS = 20_000;

/** Prints a slip in a hidden frame. Its code and the slip's page are chunks of this build, imported with the first receipt. */
export async function loadBrowserPrinting(): Promise<(document: Document, receipt: ReceiptToPrint, options: FramePrintOptions) => Promise<PrintResult>> {
  const [{ printInHiddenFrame }, { receiptHtml }] = await Promise.all([import('./browserPrinter'), import('./receiptHtml')]);
  return (document, receipt, options) => printInHiddenFrame(document, receiptHtml(receipt), options);
}

/**
 * The platform when there is no Electron bridge: Chromium in kiosk mode, the remote portal, the
 * tests. Same interface, weaker guarantees (docs/security.md says which).
 */
export function createBrowserPlatform(host: BrowserHost): KioskPlatform {
  const secrets = createBrowserSecretStore(host.indexedDB, host.crypto);
  const installationId = createBrowserInstallationId(host.indexedDB, () => host.crypto.randomUUID());
  const pinVault = createPinVault(createBrowserPinStorage(secrets), host.now ?? Date.now);
  return {
    printReceipt: async (receipt) => {
      // Out of the start-up bundle: fetched once the attract screen is up (src/app/warmOfflineChunks.ts).
      const print = await loadBrowserPrinting();
      return print(host.document, receipt, host.printing);
    },
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
