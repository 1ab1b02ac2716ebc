/**
 * What the renderer may ask of its host. Two implementations: the Electron preload bridge
 * (`window.shubbak`, see electron/preload.ts) and the browser fallback (Chromium kiosk mode,
 * the remote portal, the tests). Plain data only: this crosses the IPC boundary.
 */

export interface ReceiptToPrint {
  trackingCode: string;
  serviceName: string;
  officeName: string;
  /** Already formatted for the citizen's language. */
  lines: string[];
  /** data: URL of the QR code image. */
  qrDataUrl: string;
  locale: string;
  direction: 'rtl' | 'ltr';
  /** System printer name from the kiosk settings (not its friendly name); empty or absent: the default printer. */
  printerName?: string;
}

/**
 * `ok` only when the host confirms the page was printed (Electron's print callback). A host that
 * hands the page over without learning the outcome (a browser's print()) answers `unconfirmed`,
 * so no screen ever says "printed" on a guess.
 */
export type PrintResult = { ok: true } | { ok: false; reason: 'noPrinter' | 'failed' | 'cancelled' | 'unconfirmed'; detail?: string };

export type SecretResult = { ok: true } | { ok: false; reason: 'encryptionUnavailable' | 'failed' };

export interface DeviceIdentity {
  /** Stable per installation; not the back office's device id (that comes with enrolment). */
  installationId: string;
  host: 'electron' | 'browser';
}

export interface KioskPlatform {
  printReceipt(receipt: ReceiptToPrint): Promise<PrintResult>;
  /** Stores a secret sealed by the OS (Electron safeStorage) or a non-extractable browser key; never in clear. */
  writeSecret(name: SecretName, value: string): Promise<SecretResult>;
  readSecret(name: SecretName): Promise<string | null>;
  deviceIdentity(): Promise<DeviceIdentity>;
  restart(): Promise<void>;
  appVersion(): Promise<string>;
}

export const SECRET_NAMES = ['deviceToken', 'pinHash'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** The channels of the preload bridge, one per method. */
export const PLATFORM_CHANNELS = {
  printReceipt: 'platform:print-receipt',
  writeSecret: 'platform:write-secret',
  readSecret: 'platform:read-secret',
  deviceIdentity: 'platform:device-identity',
  restart: 'platform:restart',
  appVersion: 'platform:app-version',
} as const satisfies Record<keyof KioskPlatform, string>;
