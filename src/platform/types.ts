import type { ChangePinOutcome, LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../machines/supervisor/types';

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
  /**
   * The supervisor PIN, checked by the host (in Electron, the main process): the page asks
   * whether a PIN exists and whether the pad is locked out, and "unlock with this PIN"; it never
   * reads or writes the hash or the failure count.
   */
  pinLockState(): Promise<LockStateSnapshot>;
  unlockWithPin(pin: string): Promise<PinCheckOutcome>;
  /** Only while no PIN exists: a set PIN is replaced only by `changePin`, with the current one. */
  setFirstPin(pin: string): Promise<SavePinOutcome>;
  changePin(currentPin: string, nextPin: string): Promise<ChangePinOutcome>;
  deviceIdentity(): Promise<DeviceIdentity>;
  restart(): Promise<void>;
  appVersion(): Promise<string>;
}

/** The secrets the page may read and write: the device token only. The PIN hash never crosses the bridge. */
export const SECRET_NAMES = ['deviceToken'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
/** What a host seals: the page's secrets and, kept to itself, the supervisor PIN's hash. */
export type SealedSecretName = SecretName | 'pinHash';

/** The channels of the preload bridge, one per method. */
export const PLATFORM_CHANNELS = {
  printReceipt: 'platform:print-receipt',
  writeSecret: 'platform:write-secret',
  readSecret: 'platform:read-secret',
  pinLockState: 'platform:pin-lock-state',
  unlockWithPin: 'platform:unlock-with-pin',
  setFirstPin: 'platform:set-first-pin',
  changePin: 'platform:change-pin',
  deviceIdentity: 'platform:device-identity',
  restart: 'platform:restart',
  appVersion: 'platform:app-version',
} as const satisfies Record<keyof KioskPlatform, string>;
