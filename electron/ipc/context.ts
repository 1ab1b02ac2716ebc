import type { PrintResult, ReceiptToPrint, SecretName, SecretResult } from '../../src/platform/types';
import type { PinVault } from '../../src/supervisor/pinVault';

/** What the IPC handlers may do in the main process; main.ts builds it from the real services. */
export interface IpcContext {
  /** The one origin allowed to call: `app://kiosk`. */
  appOrigin: string;
  printReceipt(receipt: ReceiptToPrint): Promise<PrintResult>;
  secrets: {
    write(name: SecretName, value: string): Promise<SecretResult>;
    read(name: SecretName): Promise<string | null>;
  };
  /** The supervisor PIN, its lockout and its changes, kept in the main process. */
  pinVault: PinVault;
  installationId(): Promise<string>;
  restart(): void;
  appVersion(): string;
}

/** The frame an invoke came from; Electron gives null when the frame is gone or unknown. */
export interface InvokeEvent {
  senderFrame: { origin: string } | null;
}

/** The part of `ipcMain` the channels use (the real IpcMain satisfies it). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}
