import { vi } from 'vitest';
import type { InvokeEvent, IpcContext, IpcMainLike } from '../../../electron/ipc/context';
import type { ChangePinOutcome, LockStateSnapshot, PinCheckOutcome, SavePinOutcome } from '../../../src/machines/supervisor/types';
import type { PrintResult, ReceiptToPrint, SecretName, SecretResult } from '../../../src/platform/types';

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** Captures what `ipcMain.handle` registers and invokes it the way Electron would. */
export function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
  };
  const invoke = async (channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

export const FROM_APP: InvokeEvent = { senderFrame: { origin: 'app://kiosk' } };

/** Senders every handler must refuse. */
export const UNTRUSTED_SENDERS: Array<[string, InvokeEvent]> = [
  ['a remote origin', { senderFrame: { origin: 'https://evil.example' } }],
  ['a look-alike app origin', { senderFrame: { origin: 'app://kiosk.evil.example' } }],
  ['a file: page', { senderFrame: { origin: 'file://' } }],
  ['an opaque origin', { senderFrame: { origin: 'null' } }],
  ['no frame (destroyed or unknown)', { senderFrame: null }],
];

export function fakeContext() {
  return {
    appOrigin: 'app://kiosk',
    printReceipt: vi.fn(async (_receipt: ReceiptToPrint): Promise<PrintResult> => ({ ok: true })),
    secrets: {
      write: vi.fn(async (_name: SecretName, _value: string): Promise<SecretResult> => ({ ok: true })),
      read: vi.fn(async (_name: SecretName): Promise<string | null> => 'tok-123'),
    },
    pinVault: {
      state: vi.fn(async (): Promise<LockStateSnapshot> => ({ pin: 'set', lockout: { failures: 0, lockedUntil: null } })),
      unlock: vi.fn(async (_pin: string): Promise<PinCheckOutcome> => ({ kind: 'ok', lockout: { failures: 0, lockedUntil: null } })),
      setFirstPin: vi.fn(async (_pin: string): Promise<SavePinOutcome> => ({ ok: true })),
      changePin: vi.fn(async (_currentPin: string, _nextPin: string): Promise<ChangePinOutcome> => ({ ok: true })),
    },
    installationId: vi.fn(async () => '0190a0b1-7c2d-4e3f-8a4b-5c6d7e8f9a0b'),
    restart: vi.fn((): void => undefined),
    appVersion: vi.fn(() => '0.1.0'),
  } satisfies IpcContext;
}
