import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { receiptHtml, RECEIPT_WIDTH_MM } from '../src/platform/receiptHtml';
import type { PrintResult, ReceiptToPrint } from '../src/platform/types';
import type { Clock } from './crashRecovery';
import type { PrintPages } from './printPages';

/** The hidden window a receipt is rendered in: no preload, no script, same lockdown as the kiosk window. */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    javascript: false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    devTools: false,
    spellcheck: false,
  },
};

export interface PrintingWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  webContents: {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    getPrintersAsync(): Promise<Array<{ name: string }>>;
  };
}

export interface ReceiptPrinterDeps {
  openHiddenWindow(): PrintingWindow;
  pages: PrintPages;
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
  /** A spooler that never answers must not leave the citizen waiting. */
  timeoutMs: number;
}

const MICRONS_PER_MM = 1000;

/** Paper length for the receipt: header, tracking code and QR, then one row per line. Thermal printers cut after it. */
export function receiptHeightMicrons(receipt: ReceiptToPrint): number {
  return (70 + 40 + 8 * receipt.lines.length) * MICRONS_PER_MM;
}

export function printOptionsFor(receipt: ReceiptToPrint): WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: true,
    color: false,
    margins: { marginType: 'none' },
    pageSize: { width: RECEIPT_WIDTH_MM * MICRONS_PER_MM, height: receiptHeightMicrons(receipt) },
    // The system name the spooler knows (e.g. "EPSON_TM_T20III"), not the friendly one; absent: the default printer.
    ...(receipt.printerName ? { deviceName: receipt.printerName } : {}),
  };
}

function failureOf(reason: string): PrintResult {
  if (/cancel/i.test(reason)) return { ok: false, reason: 'cancelled', detail: reason };
  if (/device ?name|no printer/i.test(reason)) return { ok: false, reason: 'noPrinter', detail: reason };
  return { ok: false, reason: 'failed', detail: reason };
}

/**
 * Prints a receipt silently on the configured printer: the markup is served from app://kiosk/print/,
 * rendered in a hidden script-less window, then `webContents.print` is called without a dialog.
 * Every outcome, including a missing printer and a spooler that never answers, becomes a
 * `PrintResult` the citizen screen can show.
 */
export function createReceiptPrinter(deps: ReceiptPrinterDeps): (receipt: ReceiptToPrint) => Promise<PrintResult> {
  return async (receipt) => {
    const window = deps.openHiddenWindow();
    const url = deps.pages.add(receiptHtml(receipt));
    try {
      const printers = await window.webContents.getPrintersAsync();
      if (printers.length === 0) return { ok: false, reason: 'noPrinter' };
      if (receipt.printerName && !printers.some((printer) => printer.name === receipt.printerName)) {
        return { ok: false, reason: 'noPrinter', detail: receipt.printerName };
      }
      await window.loadURL(url);
      return await printWithin(window, printOptionsFor(receipt), deps);
    } catch (error) {
      return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      deps.pages.remove(url);
      window.destroy();
    }
  };
}

function printWithin(window: PrintingWindow, options: WebContentsPrintOptions, deps: ReceiptPrinterDeps): Promise<PrintResult> {
  return new Promise((resolve) => {
    const timer = deps.clock.setTimeout(() => resolve({ ok: false, reason: 'failed', detail: 'timeout' }), deps.timeoutMs);
    window.webContents.print(options, (success, failureReason) => {
      deps.clock.clearTimeout(timer);
      resolve(success ? { ok: true } : failureOf(failureReason));
    });
  });
}
