import type { ChangePinOutcome, LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../src/machines/supervisor/types';
import { PLATFORM_CHANNELS, type DeviceIdentity, type KioskPlatform, type PrintResult, type SecretResult } from '../src/platform/types';

/** `ipcRenderer.invoke`, passed in so the bridge is testable and the page never holds ipcRenderer. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object the page receives as `window.shubbak`: exactly the `KioskPlatform` methods, each a
 * single invoke on its own channel. No `on`, no `send`, no raw ipcRenderer and no event object
 * ever reach the page. Replies come from the main process, which the page cannot impersonate.
 */
export function createBridge(invoke: Invoke): KioskPlatform {
  const call = <T>(channel: string, ...args: unknown[]): Promise<T> => invoke(channel, ...args) as Promise<T>;
  const bridge = {
    printReceipt: (receipt) => call<PrintResult>(PLATFORM_CHANNELS.printReceipt, receipt),
    writeSecret: (name, value) => call<SecretResult>(PLATFORM_CHANNELS.writeSecret, name, value),
    readSecret: (name) => call<string | null>(PLATFORM_CHANNELS.readSecret, name),
    pinLockState: () => call<LockStateSnapshot>(PLATFORM_CHANNELS.pinLockState),
    unlockWithPin: (pin) => call<PinCheckOutcome>(PLATFORM_CHANNELS.unlockWithPin, pin),
    setFirstPin: (pin) => call<SavePinOutcome>(PLATFORM_CHANNELS.setFirstPin, pin),
    changePin: (currentPin, nextPin) => call<ChangePinOutcome>(PLATFORM_CHANNELS.changePin, currentPin, nextPin),
    deviceIdentity: () => call<DeviceIdentity>(PLATFORM_CHANNELS.deviceIdentity),
    restart: () => call<undefined>(PLATFORM_CHANNELS.restart),
    appVersion: () => call<string>(PLATFORM_CHANNELS.appVersion),
  } satisfies KioskPlatform;
  return bridge;
}
