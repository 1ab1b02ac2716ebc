// Named electronBridge.ts rather than electron.ts: the lint rule that keeps the `electron` package
// out of src/ matches any import path segment called "electron".
import type { KioskPlatform } from './types';

const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The platform over the preload bridge (`window.shubbak`). The main process may refuse a call
 * (untrusted sender, invalid arguments) by rejecting; printing and secret writes turn that into
 * their result type, so a screen always gets an answer it can show.
 */
export function createElectronPlatform(bridge: KioskPlatform): KioskPlatform {
  return {
    printReceipt: (receipt) => bridge.printReceipt(receipt).catch((error: unknown) => ({ ok: false, reason: 'failed', detail: detailOf(error) }) as const),
    writeSecret: (name, value) => bridge.writeSecret(name, value).catch(() => ({ ok: false, reason: 'failed' }) as const),
    readSecret: (name) => bridge.readSecret(name).catch(() => null),
    // A refused or failed call rejects: the supervisor machine treats it as "could not check", never as "no PIN".
    pinLockState: () => bridge.pinLockState(),
    unlockWithPin: (pin) => bridge.unlockWithPin(pin),
    setFirstPin: (pin) => bridge.setFirstPin(pin),
    changePin: (currentPin, nextPin) => bridge.changePin(currentPin, nextPin),
    deviceIdentity: () => bridge.deviceIdentity(),
    restart: () => bridge.restart(),
    appVersion: () => bridge.appVersion(),
  };
}
