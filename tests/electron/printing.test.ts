import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContentsPrintOptions } from 'electron';
import { systemClock } from '../../electron/crashRecovery';
import { createPrintPages } from '../../electron/printPages';
import { createReceiptPrinter, PRINT_WINDOW_OPTIONS, type PrintingWindow } from '../../electron/printing';
import { receipt } from './fakes/receipt';

type PrintCallback = (success: boolean, failureReason: string) => void;

function fakeWindow(printers = [{ name: 'EPSON_TM_T20III' }, { name: 'Office_Laser' }]) {
  const state = { html: '' as string | undefined, callback: undefined as PrintCallback | undefined };
  const pages = createPrintPages(() => '0190a0b1-7c2d-7e3f-8a4b-5c6d7e8f9a0b');
  const window = {
    loadURL: vi.fn(async (url: string) => {
      state.html = pages.lookup(url);
    }),
    destroy: vi.fn(),
    webContents: {
      print: vi.fn((_options: WebContentsPrintOptions, callback: PrintCallback) => {
        state.callback = callback;
      }),
      getPrintersAsync: vi.fn(async () => printers),
    },
  } satisfies PrintingWindow;
  const print = createReceiptPrinter({ openHiddenWindow: () => window, pages, clock: systemClock, timeoutMs: 30_000 });
  return { window, print, pages, state };
}

describe('silent receipt printing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls webContents.print silently on the configured system printer, on 80 mm paper', async () => {
    const { window, print, state } = fakeWindow();
    const result = print(receipt());
    await vi.waitFor(() => expect(window.webContents.print).toHaveBeenCalled());
    const [options] = window.webContents.print.mock.calls[0]!;
    expect(options).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T20III', pageSize: { width: 80_000 } });
    expect((options.pageSize as { height: number }).height).toBeGreaterThan(80_000);
    state.callback!(true, '');
    expect(await result).toEqual({ ok: true });
  });

  it('prints on the default printer when none is configured', async () => {
    const { window, print, state } = fakeWindow();
    const result = print(receipt({ printerName: '' }));
    await vi.waitFor(() => expect(window.webContents.print).toHaveBeenCalled());
    expect(window.webContents.print.mock.calls[0]![0]).not.toHaveProperty('deviceName');
    state.callback!(true, '');
    expect(await result).toEqual({ ok: true });
  });

  it('renders the receipt markup from the app scheme in a hidden, script-less window', async () => {
    const { window, print, state } = fakeWindow();
    const result = print(receipt());
    await vi.waitFor(() => expect(window.webContents.print).toHaveBeenCalled());
    expect(window.loadURL.mock.calls[0]![0]).toMatch(/^app:\/\/kiosk\/print\//);
    expect(state.html).toContain('BRK-0042-7');
    expect(state.html).toContain('dir="rtl"');
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });
    state.callback!(true, '');
    await result;
  });

  it.each([
    ['Print job failed', { ok: false, reason: 'failed', detail: 'Print job failed' }],
    ['Cancelled', { ok: false, reason: 'cancelled', detail: 'Cancelled' }],
    ['Invalid deviceName provided', { ok: false, reason: 'noPrinter', detail: 'Invalid deviceName provided' }],
  ])('hands the failure reason "%s" back to the citizen screen', async (failureReason, expected) => {
    const { window, print, state } = fakeWindow();
    const result = print(receipt());
    await vi.waitFor(() => expect(window.webContents.print).toHaveBeenCalled());
    state.callback!(false, failureReason);
    expect(await result).toEqual(expected);
  });

  it('answers noPrinter when the configured printer is not installed, without printing elsewhere', async () => {
    const { window, print } = fakeWindow();
    expect(await print(receipt({ printerName: 'TM-T88' }))).toEqual({ ok: false, reason: 'noPrinter', detail: 'TM-T88' });
    expect(window.webContents.print).not.toHaveBeenCalled();
  });

  it('answers noPrinter when the machine has no printer at all', async () => {
    const { print } = fakeWindow([]);
    expect(await print(receipt())).toEqual({ ok: false, reason: 'noPrinter' });
  });

  it('gives up after the time limit when the spooler never answers', async () => {
    const { window, print } = fakeWindow();
    const result = print(receipt());
    await vi.waitFor(() => expect(window.webContents.print).toHaveBeenCalled());
    vi.advanceTimersByTime(30_000);
    expect(await result).toEqual({ ok: false, reason: 'failed', detail: 'timeout' });
  });

  it('closes the hidden window and forgets the receipt page afterwards', async () => {
    const { window, print, pages, state } = fakeWindow();
    const result = print(receipt());
    await vi.waitFor(() => expect(window.webContents.print).toHaveBeenCalled());
    const url = window.loadURL.mock.calls[0]![0];
    state.callback!(true, '');
    await result;
    expect(window.destroy).toHaveBeenCalledTimes(1);
    expect(pages.lookup(url)).toBeUndefined();
  });
});
